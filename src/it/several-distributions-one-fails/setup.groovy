import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context).completionDelay(java.time.Duration.ofSeconds(3))
true
