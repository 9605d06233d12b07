import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context).completionDelay(java.time.Duration.ofSeconds(4)).addDistribution('E2SECONDEXAMPLE')
true
