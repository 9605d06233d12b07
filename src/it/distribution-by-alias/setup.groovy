import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context).addDistribution('EOTHERSITE', 'blog.example.com')
true
