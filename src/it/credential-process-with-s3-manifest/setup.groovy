import io.github.cloudfrontmavenplugin.emulator.ItEmulator

// The account accepts only what the helper prints (not the default example key), in CloudFront and in S3.
def emulator = ItEmulator.start(context)
emulator.addCredentials('ASIAPROCESSEXAMPLE01', 'pRoCeSsSeCrEt/NeVeRlOgGeD0123456789abcd', 'pRoCeSsSeSsIoNtOkEn+NeVeRlOgGeD==')
ItEmulator.startS3(context).sameAccountAs(emulator)
true
