import io.github.cloudfrontmavenplugin.emulator.EmulatorClients
import io.github.cloudfrontmavenplugin.emulator.ItEmulator

// InProgress to the first two reads, Completed to the third: the wait is seen however long the build takes to start.
def emulator = ItEmulator.start(context).completesOnRead(3)
        .addMultiTenantDistribution('EMULTITENANT1')
        .addTenant('dt_3xkEAj4iE2jwPYg7sqaKPTOF2BC', 'EMULTITENANT1', 'www.customer2.com')
def client = EmulatorClients.cloudFront(emulator)
try {
    def id = client.createInvalidationForDistributionTenant { r ->
        r.id('dt_3xkEAj4iE2jwPYg7sqaKPTOF2BC').invalidationBatch { b ->
            b.callerReference('it-get-tenant').paths { p -> p.quantity(2).items('/index.html', '#product:tv') }
        }
    }.invalidation().id()
    context.get('userProperties').put('cloudfront.invalidationId', id)
} finally {
    client.close()
}
true
