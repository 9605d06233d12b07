#!/usr/bin/env bash
# Benchmark: cloudfront:rollback beside deploying the old build again with cloudfront:sync, side by side, against the
# bundled S3 and CloudFront emulators (EmulatorMain --s3-versioning, in their own JVM, on loopback).
#
# The site: FILES generated files (default 10,000, small HTML/CSS/JS of 0.2-4 KiB, the same for a given SEED); the new
# build changes CHANGED of them (default 100). Set-up (untimed): sync the old build, then the new one, so that the
# bucket holds the new build and the history both deploys. Then ROUNDS rounds (default 3), each:
#   rollback   timed: `mvn cloudfront:rollback` (to the deploy before the newest: the old build's state)
#   (reset)    untimed: sync the new build
#   sync-old   timed: `mvn deploy` with cloudfront:sync of the old build's directory
#   (reset)    untimed: sync the new build
# Reported: medians of the whole `mvn` process and of the goal's own time (its `--- cloudfront:...` line to
# `BUILD SUCCESS`, by Maven's timestamps), the ratios rollback / sync-old (issue 24's target: at most 0.2), and what
# each did (from its summary line).
#
# Needs JDK 17 and python3. Usage: bench/rollback-vs-sync.sh          (about 5 minutes on 2 cores)
#        FILES=500 CHANGED=20 ROUNDS=1 bench/rollback-vs-sync.sh      a check of the script
# SKIP_BUILD=1 reuses the plugin installed and the classpath written by an earlier run.
# REVISIONS="before=6e04c73 after=HEAD" times the rollback of each of those commits in every round, side by side (the
# bucket reset between them): each is built in a temporary git worktree and installed as
# <its version>-bench-<label>-SNAPSHOT, so that another build of the plugin on the machine cannot change it during the
# run. The last one runs the set-up, the resets and the timed sync.
# JFR=1 records each timed rollback with Java Flight Recorder (target/bench-rollback/logs/*.jfr); it slows it down.
# Results: printed, and saved to target/bench-rollback/results.md; the runs' logs stay there.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/install-revision.sh
FILES=${FILES:-10000}
CHANGED=${CHANGED:-100}
ROUNDS=${ROUNDS:-3}
SEED=${SEED:-13}
unset MAVEN_OPTS
LOAD_AT_START=$(cut -d' ' -f1 /proc/loadavg)
export LOAD_AT_START

read -r -a REVISION_PAIRS <<<"${REVISIONS:-}"
if [ -z "${SKIP_BUILD:-}" ]; then
    if [ ${#REVISION_PAIRS[@]} -eq 0 ]; then
        ./mvnw -B -q install -DskipTests -Dinvoker.skip
    else
        ./mvnw -B -q test-compile -Dspotless.check.skip
    fi
    ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
labels=(plugin)
declare -A version_of=([plugin]=1.0.0-SNAPSHOT)
if [ ${#REVISION_PAIRS[@]} -gt 0 ]; then
    labels=()
fi
for pair in "${REVISION_PAIRS[@]}"; do
    label=${pair%%=*} rev=${pair#*=}
    install_revision "$label" "$rev"
    labels+=("$label")
    version_of[$label]=$bench_version
done
last=${labels[${#labels[@]}-1]}
MVN="$(./mvnw -q help:evaluate -Dexpression=maven.home -DforceStdout 2>/dev/null)/bin/mvn"
[ -x "$MVN" ] || MVN=./mvnw
plugin_of() { echo "io.github.cloudfront-maven-plugin:cloudfront-maven-plugin:${version_of[$1]}"; }

work=target/bench-rollback
rm -rf "$work"
mkdir -p "$work/logs"
abs="$PWD/$work"

echo "== Generating the site: $FILES files, and a new build that changes $CHANGED of them (seed $SEED)"
python3 - "$work" "$FILES" "$CHANGED" "$SEED" <<'PY'
import os, random, sys
work, files, changed, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
paths = []
for i in range(files):
    ext = rng.choices(["html", "css", "js"], [6, 1, 3])[0]
    folder = "docs/s%02d/t%03d" % (i % 40, i // 40 % 25) if ext == "html" else "assets/%s/m%02d" % (ext, i % 30)
    paths.append("%s/f-%05d.%s" % (folder, i, ext))
touched = set(rng.sample(range(files), changed))
lengths = [rng.randint(200, 4000) for _ in paths]
for build in ("old", "new"):
    for i, path in enumerate(paths):
        full = os.path.join(work, build, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        body = ("/* %s */\n" % path) + "x" * lengths[i]
        if build == "new" and i in touched:
            body += "\n/* changed in the new build */"
        with open(full, "w") as out:
            out.write(body + "\n")
PY

rm -f "$work/cloudfront.port" "$work/s3.port"
java -cp "target/test-classes:$(cat target/bench-classpath.txt)" io.github.cloudfrontmavenplugin.emulator.EmulatorMain \
    --port-file "$work/cloudfront.port" --s3-port-file "$work/s3.port" --s3-versioning --completion-delay 0 \
    --max-lifetime 1800 >"$work/logs/emulator.log" 2>&1 &
emulator=$!
trap 'kill "$emulator" 2>/dev/null || true; wait "$emulator" 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do [ -s "$work/cloudfront.port" ] && [ -s "$work/s3.port" ] && break; sleep 0.1; done
[ -s "$work/s3.port" ] || { echo "The emulators did not start" >&2; exit 1; }

export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
unset AWS_SESSION_TOKEN AWS_PROFILE
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
common=(-B -f bench/sync-pom.xml -Dcloudfront.distributionId=EDFDVBD6EXAMPLE
    -Dcloudfront.endpoint="http://127.0.0.1:$(cat "$work/cloudfront.port")"
    -Dcloudfront.s3Endpoint="http://127.0.0.1:$(cat "$work/s3.port")"
    -Dcloudfront.bucket=s3://demo-site/ -Dcloudfront.manifest=s3://demo-deploys/bench/manifest.txt
    -Dcloudfront.maxPaths=3000
    -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS)

run() { # name log args...: runs mvn, prints its wall-clock seconds
    local name=$1 log=$2
    shift 2
    local start end opts=""
    if [ -n "${JFR:-}" ] && [ "$name" = rollback ]; then
        opts="-XX:StartFlightRecording=filename=${log%.log}.jfr,settings=profile"
    fi
    start=$(date +%s.%N)
    MAVEN_OPTS="$opts" "$MVN" "${common[@]}" "$@" >"$log" 2>&1 \
        || { echo "Failed: see $log" >&2; tail -20 "$log" >&2; exit 1; }
    end=$(date +%s.%N)
    python3 -c "print('%.2f' % ($end - $start))"
}
sync_of() { run "sync-$1" "$2" deploy -Dcloudfront.directory="$abs/$1" -Dbench.plugin.version="${version_of[$last]}" >/dev/null; }

echo "== Set-up: sync the old build, then the new one"
sync_of old "$work/logs/setup-old.log"
sync_of new "$work/logs/setup-new.log"

declare -A rollback_times=()
sync_times=()
for round in $(seq 1 "$ROUNDS"); do
    for label in "${labels[@]}"; do
        log="$work/logs/rollback-$label-$round.log"
        t=$(run rollback "$log" "$(plugin_of "$label"):rollback")
        rollback_times[$label]="${rollback_times[$label]:-} $t"
        echo "round $round: rollback ($label) ${t} s ($(grep -o 'Restored .*' "$log"))"
        sync_of new "$work/logs/reset-a-$label-$round.log"
    done
    t=$(run sync-old "$work/logs/sync-old-$round.log" deploy -Dcloudfront.directory="$abs/old" \
        -Dbench.plugin.version="${version_of[$last]}")
    sync_times+=("$t")
    echo "round $round: sync of the old build ${t} s ($(grep -o 'Uploaded .*' "$work/logs/sync-old-$round.log"))"
    sync_of new "$work/logs/reset-b-$round.log"
done

contenders=()
for label in "${labels[@]}"; do contenders+=("$label=${rollback_times[$label]# }"); done
python3 - "$work" "$FILES" "$CHANGED" "$ROUNDS" "${sync_times[*]}" "${contenders[@]}" <<'PY' | tee "$work/results.md"
import datetime, os, statistics, sys
_, work, files, changed, rounds, sync, *contenders = sys.argv
sync = [float(t) for t in sync.split()]
s = statistics.median(sync)

def own(log, goal):
    # The goal's own time: from its `--- cloudfront:...:<goal>` line to BUILD SUCCESS, by Maven's timestamps.
    lines = open(log).read().splitlines()
    at = lambda line: datetime.datetime.strptime(line[:12], "%H:%M:%S.%f")
    start = next(l for l in lines if ("cloudfront:" in l and ":" + goal + " " in l and "---" in l))
    done = next(l for l in lines if "BUILD SUCCESS" in l)
    return (at(done) - at(start)).total_seconds()

own_s = [own("%s/logs/sync-old-%d.log" % (work, i + 1), "sync") for i in range(int(rounds))]
oss = statistics.median(own_s)
print("Rollback vs. sync of the old build: %s files, %s differ, %s rounds, bundled emulators (versioning on);"
      " load average %s at the start, %s at the end; %s" % (files, changed, rounds, os.environ["LOAD_AT_START"],
      open("/proc/loadavg").read().split()[0], datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")))
print()
print("| | median s, whole mvn | runs s | median s, the goal's own | runs s |")
print("|---|---|---|---|---|")
ratios = []
for contender in contenders:
    label, times = contender.split("=", 1)
    rollback = [float(t) for t in times.split()]
    r = statistics.median(rollback)
    own_r = [own("%s/logs/rollback-%s-%d.log" % (work, label, i + 1), "rollback") for i in range(int(rounds))]
    orr = statistics.median(own_r)
    name = "`mvn cloudfront:rollback`" + ("" if label == "plugin" else " (%s)" % label)
    print("| %s | %.2f | %s | %.2f | %s |" % (name, r, " ".join("%.2f" % t for t in rollback), orr, " ".join("%.2f" % t for t in own_r)))
    ratios.append("%s: %.2f whole mvn, %.2f the goals' own time (%s per round)" % (
        label, r / s, orr / oss, " ".join("%.2f" % (a / b) for a, b in zip(own_r, own_s))))
print("| `mvn deploy` (sync of the old build) | %.2f | %s | %.2f | %s |" % (s, " ".join("%.2f" % t for t in sync), oss, " ".join("%.2f" % t for t in own_s)))
print()
print("Ratio rollback / sync (issue 24's target: at most 0.2):")
for line in ratios:
    print("- " + line)
PY
