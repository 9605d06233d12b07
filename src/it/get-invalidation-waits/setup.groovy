import io.github.cloudfrontmavenplugin.emulator.EmulatorClients
import io.github.cloudfrontmavenplugin.emulator.ItEmulator

// InProgress to the first two reads, Completed to the third: the wait is seen however long the build takes to start.
def emulator = ItEmulator.start(context).completesOnRead(3)
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
