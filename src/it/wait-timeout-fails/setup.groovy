import io.github.cloudfrontmavenplugin.emulator.ItEmulator

// InProgress to every read this build can make: it reads at most four times in its 3 s <waitTimeout>, once after
// each sleep of at least 0.9 s. No race with the clock decides whether it completes.
ItEmulator.start(context).completesOnRead(100)
true
