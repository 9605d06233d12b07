import io.github.cloudfrontmavenplugin.emulator.ItEmulator

// A multi-tenant distribution, EMULTITENANT1, with three tenants serving www.customer1.com to www.customer3.com.
// InProgress to the first read, Completed to the second: the wait is seen however long the build takes to start.
ItEmulator.startWithTenants(context).completesOnRead(2)
true
