import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.startUnnamed(context, Integer.parseInt(itCloudFrontPort))
true
