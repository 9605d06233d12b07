import io.github.cloudfrontmavenplugin.emulator.Fault
import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context).completesOnRead(2).addDistribution('E2SECONDEXAMPLE')
        // Each creation held until both are in flight: the two batches going out together is seen by construction,
        // not by comparing times on a busy machine. Sent one after the other, the first is held alone (a minute at most).
        .inject('CreateInvalidation', Fault.holdUntilInFlight(2), Fault.holdUntilInFlight(2))
true
