import io.github.cloudfrontmavenplugin.emulator.ItEmulator

// 8,000 pages in 10 sections of 10 parts; v2 rewrites sections 0 to 5 (4,800 pages) and 200 pages elsewhere.
def pages = (0..<10).collectMany { s -> (0..<10).collectMany { p -> (0..<80).collect { n -> "sec${s}/part${p}/page${n}.html".toString() } } }
def changed = ItEmulator.writeTwoDeploys(basedir, pages) { page ->
    def m = page =~ /sec(\d+)\/part\d+\/page(\d+)\.html/
    m.matches() && (m.group(1).toInteger() < 6 || m.group(2).toInteger() % 16 == 0)
}
new File(basedir, 'changed.txt').text = changed.join('\n') + '\n'
ItEmulator.start(context)
true
