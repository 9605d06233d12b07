#!/usr/bin/env bash
# Benchmark: cloudfront:invalidate beside `aws cloudfront create-invalidation`, both against the bundled emulator,
# in one run. Prints medians and ratios, and saves them to target/bench/results.md.
#
#  1. A 1,000-path batch, no wait: the whole command (hyperfine, RUNS runs after a warm-up), and the plugin's own
#     share of a Maven build (from the mojo's start to its "Location:" line, read from Maven's timestamps).
#  2. Waiting: how long after the emulator turned the invalidation Completed each client noticed, for invalidations
#     that take 10 s and 30 s: the plugin's growing poll against `aws cloudfront wait invalidation-completed`
#     (the SDK waiter's fixed 20 s).
#
# Needs JDK 17, python3, hyperfine and the AWS CLI (Debian: apt-get install -y hyperfine awscli).
# Usage: bench/invalidate-vs-awscli.sh        (RUNS=7 WAIT_RUNS=5 AWS=/usr/bin/aws by default)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
WAIT_RUNS=${WAIT_RUNS:-5}
AWS=${AWS:-/usr/bin/aws}
DISTRIBUTION=EDFDVBD6EXAMPLE
PLUGIN=io.github.cloudfront-maven-plugin:cloudfront-maven-plugin:0.1.0-SNAPSHOT

command -v hyperfine >/dev/null || { echo "hyperfine is missing (apt-get install -y hyperfine)" >&2; exit 1; }
[ -x "$AWS" ] || { echo "The AWS CLI is missing at $AWS (apt-get install -y awscli, or set AWS=...)" >&2; exit 1; }

./mvnw -B -q install -DskipTests -Dinvoker.skip
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
MVN="$(./mvnw -q help:evaluate -Dexpression=maven.home -DforceStdout 2>/dev/null)/bin/mvn"
[ -x "$MVN" ] || MVN=./mvnw

work=target/bench
rm -rf "$work" && mkdir -p "$work"
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
unset AWS_SESSION_TOKEN AWS_PROFILE AWS_WEB_IDENTITY_TOKEN_FILE AWS_ROLE_ARN
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
export AWS_EC2_METADATA_DISABLED=true AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

start_emulator() { # name, completion delay in seconds; sets $endpoint
    java -cp "target/test-classes:$(cat target/bench-classpath.txt)" \
        io.github.cloudfrontmavenplugin.emulator.EmulatorMain --port-file "$work/$1.port" \
        --completion-delay "$2" --report "$work/$1.report" --max-lifetime 3600 >"$work/$1.log" &
    pids+=($!)
    echo $! >"$work/$1.pid"
    for _ in $(seq 1 100); do [ -s "$work/$1.port" ] && break; sleep 0.1; done
    endpoint="http://127.0.0.1:$(cat "$work/$1.port")"
}
stop_emulator() { # name; leaves its report
    local pid
    pid=$(cat "$work/$1.pid")
    kill "$pid" && while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

python3 -c 'print(",".join("/docs/page-%04d.html" % i for i in range(1000)))' >"$work/paths.csv"
tr ',' ' ' <"$work/paths.csv" >"$work/paths.txt"

echo "== 1,000 paths, no wait: whole commands"
start_emulator nowait 0
hyperfine --style basic --runs "$RUNS" --warmup 1 --export-json "$work/nowait.json" \
    -n "aws cloudfront create-invalidation" \
    "$AWS --endpoint-url $endpoint cloudfront create-invalidation --distribution-id $DISTRIBUTION --paths $(cat "$work/paths.txt") >/dev/null" \
    -n "mvn cloudfront:invalidate" \
    "$MVN -B -q -o $PLUGIN:invalidate -Dcloudfront.endpoint=$endpoint -Dcloudfront.distributionId=$DISTRIBUTION -Dcloudfront.paths=$(cat "$work/paths.csv")"

echo "== 1,000 paths, no wait: the plugin's share of the Maven build"
for i in $(seq 1 "$RUNS"); do
    "$MVN" -B -o -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
        "$PLUGIN:invalidate" -Dcloudfront.endpoint="$endpoint" -Dcloudfront.distributionId=$DISTRIBUTION \
        -Dcloudfront.paths="$(cat "$work/paths.csv")" >"$work/own-$i.log"
done
stop_emulator nowait

echo "== Waiting: when each client noticed Completed"
for delay in 10 30; do
    start_emulator "plugin-$delay" "$delay"
    for i in $(seq 1 "$WAIT_RUNS"); do
        "$MVN" -B -q -o "$PLUGIN:invalidate" -Dcloudfront.endpoint="$endpoint" -Dcloudfront.distributionId=$DISTRIBUTION \
            -Dcloudfront.paths=/index.html -Dcloudfront.wait
    done
    stop_emulator "plugin-$delay"
    start_emulator "cli-$delay" "$delay"
    for i in $(seq 1 "$WAIT_RUNS"); do
        id=$($AWS --endpoint-url "$endpoint" cloudfront create-invalidation --distribution-id $DISTRIBUTION \
            --paths /index.html --query Invalidation.Id --output text)
        $AWS --endpoint-url "$endpoint" cloudfront wait invalidation-completed --distribution-id $DISTRIBUTION --id "$id"
    done
    stop_emulator "cli-$delay"
done

python3 - "$work" "$RUNS" "$WAIT_RUNS" "$($AWS --version 2>&1)" <<'PY' | tee "$work/results.md"
import datetime, glob, json, re, statistics, sys
work, runs, wait_runs, aws_version = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
results = {r["command"]: r["times"] for r in json.load(open(f"{work}/nowait.json"))["results"]}
cli, mvn = statistics.median(results["aws cloudfront create-invalidation"]), statistics.median(results["mvn cloudfront:invalidate"])
def stamp(line):
    return datetime.datetime.strptime(line.split(" ")[0], "%H:%M:%S.%f")
own = []
for log in sorted(glob.glob(f"{work}/own-*.log")):
    lines = open(log).read().splitlines()
    start = next(l for l in lines if re.search(r"--- cloudfront:.*:invalidate", l))
    end = next(l for l in lines if "[INFO] Location: " in l)
    own.append((stamp(end) - stamp(start)).total_seconds())
plugin_own = statistics.median(own)
print(f"## cloudfront:invalidate vs the AWS CLI on the bundled emulator ({aws_version.split()[0]})\n")
print(f"1,000-path batch, no wait; medians of {runs} runs each, in one run:\n")
print("| what | median | ratio to the AWS CLI |")
print("|---|---|---|")
print(f"| `aws cloudfront create-invalidation` (whole command) | {cli:.2f} s | 1.00 |")
print(f"| `mvn cloudfront:invalidate` (whole command, Maven start included) | {mvn:.2f} s | {mvn / cli:.2f} |")
print(f"| plugin's own work inside a Maven build (mojo start to created) | {plugin_own:.2f} s | {plugin_own / cli:.2f} |")
print(f"\nWaiting: how long after the invalidation turned Completed the client noticed (median of {wait_runs}; max):\n")
print("| invalidation takes | cloudfront:invalidate -Dcloudfront.wait | aws cloudfront wait invalidation-completed |")
print("|---|---|---|")
for delay in (10, 30):
    row = [f"{delay} s"]
    for who in ("plugin", "cli"):
        late = [int(l.split("\t")[2]) / 1000 for l in open(f"{work}/{who}-{delay}.report").read().splitlines()[1:] if l.split("\t")[2]]
        row.append(f"{statistics.median(late):.1f} s (max {max(late):.1f} s)")
    print("| " + " | ".join(row) + " |")
PY
