import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context).inject('CreateInvalidation', io.github.cloudfrontmavenplugin.emulator.Fault.dropConnectionAfterCommit())
true
