import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
true
