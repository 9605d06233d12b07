#!/usr/bin/env bash
# Benchmark: cloudfront:invalidate beside `aws cloudfront create-invalidation`, both against the bundled emulator,
# in one run. Prints medians and ratios, and saves them to target/bench/results.md.
#
#  1. Start-up, RUNS rounds (default 7); each round runs, one after the other, the AWS CLI's 1,000-path
#     create-invalidation (the whole process, timed here) and, for this checkout and every revision in REVISIONS,
#     four Maven builds: -Dcloudfront.skip, a 1,000-path dry run, one path created, 1,000 paths created. The plugin's
#     own time is the Mojo's, read from Maven's timestamps: from its "--- cloudfront:...:invalidate" line to
#     "BUILD SUCCESS" (class realm, configuration, work). Interleaving the rounds puts a shared machine's load on
#     every contender alike.
#     Then, for this checkout only, `mvn clean deploy` of a small jar project (one class compiled, a jar, installed;
#     the artifact upload skipped) with invalidate bound and 1,000 paths, declared without and with
#     <extensions>true</extensions>: the Mojo's time and the whole build's; and `mvn clean install` of the same
#     project, which stops before the goal's phase, for what declaring the extension costs a build that does not deploy.
#  2. Waiting (WAIT_RUNS runs, default 5; 0 leaves it out): how long after the emulator turned the invalidation
#     Completed each client noticed, for invalidations that take 10 s and 30 s: the plugin's growing poll against
#     `aws cloudfront wait invalidation-completed` (the SDK waiter's fixed 20 s).
#
# REVISIONS="before=024b149 shaded=522719d" also builds those commits (in a temporary git worktree, installed as
# version <its version>-bench-<label>-SNAPSHOT, the version read from each POM) and measures them in the same rounds: the
# before and after of each lever, side by side.
#
# Needs JDK 17, python3 and the AWS CLI (Debian: apt-get install -y awscli).
# Usage: bench/invalidate-vs-awscli.sh        (RUNS=7 WAIT_RUNS=5 AWS=/usr/bin/aws REVISIONS= by default)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
WAIT_RUNS=${WAIT_RUNS:-5}
AWS=${AWS:-/usr/bin/aws}
REVISIONS=${REVISIONS:-}
unset MAVEN_OPTS
DISTRIBUTION=EDFDVBD6EXAMPLE
PLUGIN=io.github.cloudfront-maven-plugin:cloudfront-maven-plugin
# The project's own version, read from a POM (the plugin has no parent), so that a release change needs no edit here.
pom_version() { python3 -c 'import sys, xml.etree.ElementTree as t
print(t.parse(sys.argv[1]).getroot().find("{http://maven.apache.org/POM/4.0.0}version").text)' "$1"; }
VERSION=$(pom_version pom.xml)

[ -x "$AWS" ] || { echo "The AWS CLI is missing at $AWS (apt-get install -y awscli, or set AWS=...)" >&2; exit 1; }

./mvnw -B -q install -DskipTests -Dinvoker.skip
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
MVN="$(./mvnw -q help:evaluate -Dexpression=maven.home -DforceStdout 2>/dev/null)/bin/mvn"
[ -x "$MVN" ] || MVN=$PWD/mvnw

work=$PWD/target/bench
rm -rf "$work" && mkdir -p "$work/standalone"

# label=version of every plugin measured; this checkout first.
versions=("this checkout=$VERSION")
for pair in $REVISIONS; do
    label=${pair%%=*} rev=${pair#*=}
    tree=$(mktemp -d)/tree
    git worktree add -q --detach "$tree" "$rev"
    own=$(pom_version "$tree/pom.xml")
    # A -SNAPSHOT version, so that nothing that lists the plugin's releases (the site's plugin report) takes it for one.
    bench_version=${own%-SNAPSHOT}-bench-$label-SNAPSHOT
    sed -i "0,/<version>$own<\/version>/s//<version>$bench_version<\/version>/" "$tree/pom.xml"
    (cd "$tree" && ./mvnw -B -q install -DskipTests -Dinvoker.skip -Dspotless.check.skip)
    git worktree remove --force "$tree"
    versions+=("$label ($rev)=$bench_version")
done
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

# A project as small as a deploy gets: its phases before deploy are the time the extension's warm-up can use.
mkdir -p "$work/project/src/main/java/demo"
printf 'package demo;\n\npublic final class Greeting {\n    public static String of(String name) {\n        return "Hello, " + name;\n    }\n}\n' \
    >"$work/project/src/main/java/demo/Greeting.java"
for extensions in false true; do
    cat >"$work/project/pom-extensions-$extensions.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>demo</groupId>
  <artifactId>site</artifactId>
  <version>1.0.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.deploy.skip>true</maven.deploy.skip>
  </properties>
  <build>
    <plugins>
      <plugin><artifactId>maven-clean-plugin</artifactId><version>3.5.0</version></plugin>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
      <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
      <plugin><artifactId>maven-install-plugin</artifactId><version>3.1.4</version></plugin>
      <plugin><artifactId>maven-deploy-plugin</artifactId><version>3.1.4</version></plugin>
      <plugin>
        <groupId>io.github.cloudfront-maven-plugin</groupId>
        <artifactId>cloudfront-maven-plugin</artifactId>
        <version>$VERSION</version>
        <extensions>$extensions</extensions>
        <executions><execution><goals><goal>invalidate</goal></goals></execution></executions>
      </plugin>
    </plugins>
  </build>
</project>
POM
done
tr ',' ' ' <"$work/paths.csv" >"$work/paths.txt"

# The local repository is shared: another checkout installing the same snapshot mid-run would be measured instead.
installed=~/.m2/repository/io/github/cloudfront-maven-plugin/cloudfront-maven-plugin/$VERSION
installed=$installed/cloudfront-maven-plugin-$VERSION.jar
sha256sum "$installed" >"$work/installed.sha256"
cut -d' ' -f1-3 /proc/loadavg >"$work/load-start.txt"

echo "== Start-up: $RUNS rounds of the AWS CLI and ${#versions[@]} plugin version(s) x 4 builds"
start_emulator nowait 0
printf '%s\n' "${versions[@]}" >"$work/versions.txt"
for i in $(seq 1 "$RUNS"); do
    t0=$(date +%s%N)
    $AWS --endpoint-url "$endpoint" cloudfront create-invalidation --distribution-id $DISTRIBUTION \
        --paths $(cat "$work/paths.txt") >/dev/null
    echo $((($(date +%s%N) - t0) / 1000000)) >>"$work/cli.ms"
    for v in "${!versions[@]}"; do
        version=${versions[$v]#*=}
        for run in skip dry one many; do
            case $run in
                skip) args=(-Dcloudfront.skip "-Dcloudfront.paths=$(cat "$work/paths.csv")") ;;
                dry) args=(-Dcloudfront.dryRun "-Dcloudfront.paths=$(cat "$work/paths.csv")") ;;
                one) args=(-Dcloudfront.paths=/index.html) ;;
                many) args=("-Dcloudfront.paths=$(cat "$work/paths.csv")") ;;
            esac
            # From a directory without a POM, as a CI script runs it: inside this project, Maven would take the
            # plugin from the project itself (same coordinates), with its full dependency graph.
            (cd "$work/standalone" && "$MVN" -B -o -Dorg.slf4j.simpleLogger.showDateTime=true \
                -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS "$PLUGIN:$version:invalidate" \
                -Dcloudfront.endpoint="$endpoint" -Dcloudfront.distributionId=$DISTRIBUTION "${args[@]}" \
                >"$work/own-$v-$run-$i.log")
        done
    done
    for extensions in false true; do
        for phase in deploy install; do
            t0=$(date +%s%N)
            (cd "$work/project" && "$MVN" -B -o -Dorg.slf4j.simpleLogger.showDateTime=true \
                -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS -f "pom-extensions-$extensions.xml" clean $phase \
                -Dcloudfront.endpoint="$endpoint" -Dcloudfront.distributionId=$DISTRIBUTION \
                "-Dcloudfront.paths=$(cat "$work/paths.csv")" >"$work/$phase-$extensions-$i.log")
            echo $((($(date +%s%N) - t0) / 1000000)) >>"$work/$phase-$extensions.ms"
        done
    done
done
stop_emulator nowait
cut -d' ' -f1-3 /proc/loadavg >"$work/load-end.txt"
sha256sum -c --quiet "$work/installed.sha256" ||
    echo "WARNING: $installed changed during the run; another build installed $VERSION" | tee "$work/replaced.txt" >&2

echo "== Waiting: when each client noticed Completed"
for delay in $([ "$WAIT_RUNS" -gt 0 ] && echo 10 30); do
    start_emulator "plugin-$delay" "$delay"
    for i in $(seq 1 "$WAIT_RUNS"); do
        (cd "$work/standalone" && "$MVN" -B -q -o "$PLUGIN:$VERSION:invalidate" -Dcloudfront.endpoint="$endpoint" \
            -Dcloudfront.distributionId=$DISTRIBUTION -Dcloudfront.paths=/index.html -Dcloudfront.wait)
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

python3 - "$work" "$RUNS" "$WAIT_RUNS" "$($AWS --version 2>&1)" "$("$MVN" -v | head -1)" "$(java -version 2>&1 | head -1)" <<'PY' | tee "$work/results.md"
import datetime, glob, os, re, statistics, sys
work, runs, wait_runs, aws_version, maven, java = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *sys.argv[4:7]
versions = [line.split("=")[0] for line in open(f"{work}/versions.txt").read().splitlines()]
cli = statistics.median(int(t) / 1000 for t in open(f"{work}/cli.ms").read().split())
def stamp(line):
    return datetime.datetime.strptime(line.split(" ")[0], "%H:%M:%S.%f")
def mojo_time(log):
    lines = open(log).read().splitlines()
    start = next(l for l in lines if re.search(r"--- cloudfront:.*:invalidate", l))
    end = next(l for l in lines if "BUILD SUCCESS" in l)
    return (stamp(end) - stamp(start)).total_seconds()
cpu = open("/proc/cpuinfo").read()
model = re.search(r"model name\s*:\s*(.*)", cpu).group(1)
print(f"## cloudfront:invalidate start-up beside the AWS CLI, on the bundled emulator\n")
print(f"{os.cpu_count()} cores ({model}); {java}; {maven}; {aws_version.split()[0]}. Medians of {runs} interleaved"
      f" rounds; the plugin's figures are the Mojo's own time (its `---` line to BUILD SUCCESS). Load average"
      f" (1, 5, 15 min) {open(f'{work}/load-start.txt').read().strip()} before the rounds,"
      f" {open(f'{work}/load-end.txt').read().strip()} after.\n")
if os.path.exists(f"{work}/replaced.txt"):
    print(open(f"{work}/replaced.txt").read())
print("| run | " + " | ".join(versions) + " |")
print("|---|" + "---|" * len(versions))
names = {"skip": "`-Dcloudfront.skip`", "dry": "dry run, 1,000 paths", "one": "one path, created",
         "many": "1,000 paths, created"}
for run in ("skip", "dry", "one", "many"):
    cells = []
    for v in range(len(versions)):
        median = statistics.median(mojo_time(f) for f in glob.glob(f"{work}/own-{v}-{run}-*.log"))
        cells.append(f"{median:.2f} s" + (f" ({median / cli:.2f}x the CLI)" if run == "many" else ""))
    print(f"| {names[run]} | " + " | ".join(cells) + " |")
print(f"| `aws cloudfront create-invalidation`, 1,000 paths, whole process | {cli:.2f} s" + " |" * len(versions))
print(f"\nIn `mvn clean deploy` of a small jar project (this checkout; 1,000 paths created; medians of {runs}):\n")
print("| plugin declared | Mojo time | the whole `mvn clean deploy` | `mvn clean install` (the goal does not run) |")
print("|---|---|---|---|")
def whole(name):
    return statistics.median(int(t) / 1000 for t in open(f"{work}/{name}.ms").read().split())
for extensions, name in (("false", "as a plugin"), ("true", "with `<extensions>true</extensions>`")):
    mojo = statistics.median(mojo_time(f) for f in glob.glob(f"{work}/deploy-{extensions}-*.log"))
    print(f"| {name} | {mojo:.2f} s ({mojo / cli:.2f}x the CLI) | {whole('deploy-' + extensions):.2f} s"
          f" | {whole('install-' + extensions):.2f} s |")
if wait_runs > 0:
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
