import io.github.cloudfrontmavenplugin.emulator.EmulatorClients
import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.start(context).completionDelay(java.time.Duration.ofSeconds(15))
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
