import io.github.cloudfrontmavenplugin.emulator.EmulatorClients
import io.github.cloudfrontmavenplugin.emulator.ItEmulator

// The emulator's time moves 10 s per poll: the first two polls see InProgress, the third Completed, however late the
// build starts on a loaded machine.
def emulator = ItEmulator.startClockedByPolls(context, java.time.Duration.ofSeconds(15), java.time.Duration.ofSeconds(10))
def client = EmulatorClients.cloudFront(emulator)
try {
    def id = client.createInvalidation { r ->
        r.distributionId('EDFDVBD6EXAMPLE').invalidationBatch { b ->
            b.callerReference('it-get').paths { p -> p.quantity(2).items('/index.html', '/error.html') }
        }
    }.invalidation().id()
    context.get('userProperties').put('cloudfront.invalidationId', id)
} finally {
    client.close()
}
true
