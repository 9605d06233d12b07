import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context).inject('CreateInvalidation', io.github.cloudfrontmavenplugin.emulator.Fault.throttling(), io.github.cloudfrontmavenplugin.emulator.Fault.throttling(), io.github.cloudfrontmavenplugin.emulator.Fault.serverError(503))
true
