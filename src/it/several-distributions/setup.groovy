import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context).completionDelay(java.time.Duration.ofSeconds(3)).addDistribution('E2SECONDEXAMPLE', 'docs.example.org')
true
