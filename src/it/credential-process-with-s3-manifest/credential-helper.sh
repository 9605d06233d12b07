#!/bin/sh
# Prints temporary credentials in the AWS CLI's credential_process format, as a password manager's helper does.
echo 'helper: unlocked' >&2
cat <<JSON
{"Version": 1, "AccessKeyId": "ASIAPROCESSEXAMPLE01", "SecretAccessKey": "pRoCeSsSeCrEt/NeVeRlOgGeD0123456789abcd", "SessionToken": "pRoCeSsSeSsIoNtOkEn+NeVeRlOgGeD==", "Expiration": "2099-01-01T00:00:00Z"}
JSON
