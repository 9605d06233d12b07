import io.github.cloudfrontmavenplugin.emulator.ItEmulator

// A multi-tenant distribution, EMULTITENANT1, with three tenants serving www.customer1.com to www.customer3.com.
ItEmulator.startWithTenants(context)
true
