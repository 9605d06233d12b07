import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context).completionDelay(java.time.Duration.ofSeconds(1)).addCredentials('ASIATEMPORARYEXAMPLE', 'tEmPoRaRySeCrEt/ShOuLdNeVeRbElOgGeD0123456', 'SeSsIoNtOkEnShOuLdNeVeRbElOgGeDEither+0123456789==')
true
