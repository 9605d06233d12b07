import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context).completionDelay(java.time.Duration.ofSeconds(2)).addDistribution('E2SECONDEXAMPLE')
true
