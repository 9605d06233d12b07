import io.github.cloudfrontmavenplugin.emulator.ItEmulator

// 8,000 pages in 10 sections of 10 parts; v2 rewrites sections 0 to 5 (4,800 pages) and 200 pages elsewhere.
ItEmulator.writeFiveThousandChanges(basedir)
ItEmulator.start(context)
true
