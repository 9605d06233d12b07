import io.github.cloudfrontmavenplugin.emulator.ItEmulator

// A multi-tenant distribution with three tenants, each serving its own domain.
ItEmulator.start(context)
        .addMultiTenantDistribution('EMULTITENANT1')
        .addTenant('dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB', 'EMULTITENANT1', 'www.customer1.com')
        .addTenant('dt_3xkEAj4iE2jwPYg7sqaKPTOF2BC', 'EMULTITENANT1', 'www.customer2.com')
        .addTenant('dt_4ylFBk5jF3kxQZh8trbLQUPG3CD', 'EMULTITENANT1', 'www.customer3.com')
true
