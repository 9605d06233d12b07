import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import groovy.json.JsonSlurper

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def first = emulator.invalidations('EDFDVBD6EXAMPLE')
    def second = emulator.invalidations('E2SECONDEXAMPLE')
    assert first.size() == 1 && second.size() == 1
    assert first[0].paths() == ['/index.html'] && second[0].paths() == ['/index.html']
    assert first[0].callerReference() == second[0].callerReference()
    assert emulator.firstReportedCompleted(first[0].id()).isPresent()
    assert emulator.firstReportedCompleted(second[0].id()).isPresent()
    assert log.contains('[INFO] [docs.example.org] Distribution docs.example.org is E2SECONDEXAMPLE')
    assert log.contains("[INFO] [EDFDVBD6EXAMPLE] Created invalidation ${first[0].id()} on distribution EDFDVBD6EXAMPLE")
    assert log.contains('[INFO] Invalidations on 2 distributions:')
    assert log.contains("[INFO]   EDFDVBD6EXAMPLE   ${first[0].id()}  Completed")
    assert log.contains("[INFO]   docs.example.org  ${second[0].id()}  Completed")
    def written = new JsonSlurper().parse(new File(basedir, 'target/invalidations.json'))
    assert written*.Invalidation*.Id == [first[0].id(), second[0].id()]
    assert written*.Invalidation*.Status == ['Completed', 'Completed']
} finally {
    ItEmulator.stop(context)
}
