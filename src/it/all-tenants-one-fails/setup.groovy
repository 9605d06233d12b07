import io.github.cloudfrontmavenplugin.emulator.Fault
import io.github.cloudfrontmavenplugin.emulator.ItEmulator

import java.time.Duration

// A multi-tenant distribution with three tenants, each serving its own domain.
ItEmulator.start(context).completionDelay(java.time.Duration.ofSeconds(3))
        .addMultiTenantDistribution('EMULTITENANT1')
        .addTenant('dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB', 'EMULTITENANT1', 'www.customer1.com')
        .addTenant('dt_3xkEAj4iE2jwPYg7sqaKPTOF2BC', 'EMULTITENANT1', 'www.customer2.com')
        .addTenant('dt_4ylFBk5jF3kxQZh8trbLQUPG3CD', 'EMULTITENANT1', 'www.customer3.com')
        // The build's role may not invalidate the second tenant.
        .deny('CreateInvalidationForDistributionTenant', 'dt_3xkEAj4iE2jwPYg7sqaKPTOF2BC')
        .inject('CreateInvalidationForDistributionTenant', (1..3).collect { Fault.delay(Duration.ofSeconds(3)) } as Fault[])
true
