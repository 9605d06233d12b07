import io.github.cloudfrontmavenplugin.emulator.ItEmulator

// 8,000 pages in 10 sections of 10 parts; v2 rewrites sections 0 to 5 (4,800 pages) and 200 pages elsewhere.
def changed = []
(0..<10).each { s -> (0..<10).each { p -> (0..<80).each { n ->
    def rel = "sec${s}/part${p}/page${n}.html"
    def modified = s < 6 || (n % 16 == 0)
    ['v1', 'v2'].each { v ->
        def file = new File(basedir, "${v}/${rel}")
        file.parentFile.mkdirs()
        file.text = (v == 'v2' && modified) ? "new ${rel}" : "old ${rel}"
    }
    if (modified) { changed << "/${rel}" }
} } }
new File(basedir, 'changed.txt').text = changed.join('\n') + '\n'
ItEmulator.start(context)
true
