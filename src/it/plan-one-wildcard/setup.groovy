import io.github.cloudfrontmavenplugin.emulator.ItEmulator

// 300 pages; v2 rewrites all 150 of a/x/ and 3 others.
def changed = []
['a/x', 'a/y', 'b'].each { dir -> (0..<100).each { n ->
    if (dir == 'a/x' && n >= 150) return
    def rel = "${dir}/p${n}.html"
    def modified = dir == 'a/x' || (dir == 'b' && n < 3)
    ['v1', 'v2'].each { v ->
        def file = new File(basedir, "${v}/${rel}")
        file.parentFile.mkdirs()
        file.text = (v == 'v2' && modified) ? "new ${rel}" : "old ${rel}"
    }
    if (modified) { changed << "/${rel}" }
} }
new File(basedir, 'changed.txt').text = changed.join('\n') + '\n'
ItEmulator.start(context)
true
