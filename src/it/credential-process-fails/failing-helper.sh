#!/bin/sh
# A helper that fails after printing something: its output holds secrets, so only stderr may be shown.
echo '{"Version": 1, "AccessKeyId": "ASIASTDOUTNEVERSHOWN", "SecretAccessKey": "sTdOuTsEcReT/NeVeRsHoWn"}'
echo "aws-vault: error: no session for profile deploy, run 'aws-vault login deploy'" >&2
echo "aws-vault: detail: keychain locked" >&2
exit 2
