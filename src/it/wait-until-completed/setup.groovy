import io.github.cloudfrontmavenplugin.emulator.ItEmulator

// InProgress to the first two reads, Completed from the third: how many polls the wait takes is the emulator's
// choice, not a race between the build and the clock on a busy machine.
ItEmulator.start(context).completesOnRead(3)
true
