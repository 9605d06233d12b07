import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.startUnnamed(context, 0)
new File(basedir, 'aws-config').text = """\
[profile local]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
services = local-emulators

[services local-emulators]
cloudfront =
  endpoint_url = ${emulator.endpoint()}
"""
true
