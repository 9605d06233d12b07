import io.github.cloudfrontmavenplugin.emulator.ItEmulator

// 300 pages; v2 rewrites all 100 of a/x/ and 3 others.
def pages = ['a/x', 'a/y', 'b'].collectMany { dir -> (0..<100).collect { n -> "${dir}/p${n}.html".toString() } }
def changed = ItEmulator.writeTwoDeploys(basedir, pages) { it.startsWith('a/x/') || it ==~ /b\/p[0-2]\.html/ }
new File(basedir, 'changed.txt').text = changed.join('\n') + '\n'
ItEmulator.start(context)
true
