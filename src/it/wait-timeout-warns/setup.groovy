import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context).completionDelay(java.time.Duration.ofMinutes(10))
true
