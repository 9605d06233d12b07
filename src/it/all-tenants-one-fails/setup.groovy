import io.github.cloudfrontmavenplugin.emulator.Fault
import io.github.cloudfrontmavenplugin.emulator.ItEmulator

import java.time.Duration

// A multi-tenant distribution, EMULTITENANT1, with three tenants serving www.customer1.com to www.customer3.com.
ItEmulator.startWithTenants(context).completionDelay(Duration.ofSeconds(3))
        // The build's role may not invalidate the second tenant.
        .deny('CreateInvalidationForDistributionTenant', ItEmulator.TENANTS[1])
        // Each creation held until all three are in flight: concurrency by construction, not by timing.
        .inject('CreateInvalidationForDistributionTenant', (1..3).collect { Fault.holdUntilInFlight(3) } as Fault[])
true
