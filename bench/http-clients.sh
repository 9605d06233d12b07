#!/usr/bin/env bash
# Which synchronous HTTP client starts fastest: for each of apache-client (HttpClient 4.5), apache5-client
# (HttpClient 5) and url-connection-client (the JDK's HttpURLConnection), a fresh JVM with only that client on the
# class path builds a CloudFront client and makes one call (GetDistribution) to the emulator, as a build does once.
# RUNS rounds (default 15), each running every client once, so a shared machine's load falls on all alike; medians of
# the wall time of the whole JVM and of the JVM's own split (client build, first call).
#
# Needs JDK 17 and python3. Usage: bench/http-clients.sh
# Results: printed, and saved to target/bench-http/results.md
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-15}
work=target/bench-http
mkdir -p "$work"

./mvnw -B -q test-compile -Dspotless.check.skip
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
./mvnw -B -q -f bench/http-clients/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$work/all.txt"
all=$(cat "$work/all.txt")
# The common part: everything but the three clients and their third-party libraries.
common=$(tr ':' '\n' <<<"$all" | grep -v -e '/apache-client/' -e '/apache5-client/' -e '/url-connection-client/' \
    -e '/httpcomponents/' -e '/commons-logging/' -e '/commons-codec/' | paste -sd:)
pick() { tr ':' '\n' <<<"$all" | grep -e "$1" | paste -sd:; }
cp_apache4="$common:$(pick '/apache-client/\|/httpcomponents/httpclient/\|/httpcomponents/httpcore/\|/commons-logging/\|/commons-codec/')"
cp_apache5="$common:$(pick '/apache5-client/\|/httpcomponents/client5/\|/httpcomponents/core5/')"
cp_urlconn="$common:$(pick '/url-connection-client/')"
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$common" bench/http-clients/src/main/java/FirstCall.java

EMU_CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
rm -f "$work/port"
java -cp "$EMU_CP" io.github.cloudfrontmavenplugin.emulator.EmulatorMain --port-file "$work/port" --max-lifetime 900 \
    >"$work/emulator.log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -f "$work/port" ] && break; sleep 0.1; done
endpoint="http://127.0.0.1:$(cat "$work/port")"

# Interleaved: run i of every client, then run i+1 of every client, so that the load of a shared machine falls on
# all three alike. Wall time is measured around the whole JVM; the JVM prints its own build and first-call split.
for name in apache4 apache5 urlconn; do
    var="cp_$name"
    java -cp "$work/classes:${!var}" FirstCall "$endpoint" >/dev/null # warms the page cache
done
: >"$work/runs.tsv"
for i in $(seq "$RUNS"); do
    for name in apache4 apache5 urlconn; do
        var="cp_$name"
        start=$(date +%s%N)
        split=$(java -cp "$work/classes:${!var}" FirstCall "$endpoint")
        end=$(date +%s%N)
        printf '%s\t%s\t%s\n' "$name" $(( (end - start) / 1000000 )) "${split// /$'\t'}" >>"$work/runs.tsv"
    done
done
load=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$work/runs.tsv" "$RUNS" "$load" <<'PY' | tee "$work/results.md"
import statistics, sys
rows = [line.split('\t') for line in open(sys.argv[1]).read().splitlines()]
labels = {'apache4': 'apache-client (HttpClient 4.5)', 'apache5': 'apache5-client (HttpClient 5)',
          'urlconn': 'url-connection-client (HttpURLConnection)'}
print('## HTTP clients: a fresh JVM builds a CloudFront client and makes one call (GetDistribution, emulator on loopback)')
print()
print('Medians of %s interleaved runs; load average at the end: %s' % (sys.argv[2], sys.argv[3]))
print()
print('| client | wall: JVM + build + first call | client build | first call |')
print('|---|---|---|---|')
for name in ('apache4', 'apache5', 'urlconn'):
    mine = [r for r in rows if r[0] == name]
    med = lambda i: statistics.median(int(r[i]) for r in mine)
    print('| %s | %d ms | %d ms | %d ms |' % (labels[name], med(1), med(2), med(3)))
PY
