#!/bin/sh
# A helper that fails after printing something; each run is counted, since the default chain drops its error and
# the plugin asks the profile once more for it.
echo run >> helper-runs.txt
echo '{"Version": 1, "AccessKeyId": "ASIASTDOUTNEVERSHOWN", "SecretAccessKey": "sTdOuTsEcReT/NeVeRsHoWn"}'
echo "1Password CLI: account is not signed in, run 'op signin'" >&2
echo "details: session expired 3h ago" >&2
exit 1
