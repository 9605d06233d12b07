#!/usr/bin/env bash
# Benchmark: cloudfront:sync beside `aws s3 sync`, both against the same S3 server (S3Proxy from Maven Central, an
# implementation we did not write, in-memory, in its own JVM), side by side in one run. A generated site of FILES files
# (default 10,000) and about MIB MiB (default 100): many small HTML/CSS/JS/JSON/SVG files and some images of
# 100 KiB-1 MiB, the same for a given SEED.
#
#  (a) First upload into an empty bucket (and, for the plugin, no manifest yet).
#  (b) Second deploy after a fresh checkout: every file has a new modification time, as `git clone` gives, and 1 % of
#      the files have new content.
#
# RUNS runs of each (default 5), alternating the tools (the one that starts alternates too), so that the load of a shared
# machine falls on both alike; medians of the whole command: the `mvn` process for the plugin (Maven's start, the
# plugin's class realm, the diff, the upload, the manifest and the invalidation on the bundled CloudFront emulator),
# `aws` for the CLI. The Mojo's own time is read from Maven's timestamps. Objects uploaded are counted at the server
# (PUT requests in S3Proxy's request log) and from each tool's own output. State is reset between runs, outside the
# timed part: (a) empties the buckets; (b) restores the first deploy's state (the CLI: the changed objects put back;
# the plugin: a sync of the first site, which also puts back the manifest).
#
# Each tool runs as its users run it, with its defaults: the plugin with 16 requests at once (concurrency), the CLI with
# 10 (max_concurrent_requests); `aws s3 sync --delete` since sync deletes by default. A third contender is the same
# `mvn deploy` with MAVEN_OPTS=-XX:TieredStopAtLevel=1 (no C2 JIT compiler: on a short build on few cores, compiling
# hot code costs more CPU than it saves); TOOLS="cli plugin" leaves it out. The CPU time of each command (user + system)
# and of the server during it are recorded too: on a shared machine they say where the time went better than the clock.
#
# Needs JDK 17, python3 and the AWS CLI (Debian: apt-get install -y awscli).
# Usage: bench/sync-vs-awscli.sh        (RUNS=5 FILES=10000 MIB=100 SEED=13 AWS=/usr/bin/aws by default)
#        RUNS=2 FILES=200 bench/sync-vs-awscli.sh     a quick check of the script itself
# Results: printed, and saved to target/bench-sync/results.md
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
FILES=${FILES:-10000}
MIB=${MIB:-$((FILES * 100 / 10000))}
SEED=${SEED:-13}
AWS=${AWS:-/usr/bin/aws}
read -r -a TOOLS <<<"${TOOLS:-cli plugin plugin_c1}"
unset MAVEN_OPTS
DISTRIBUTION=EDFDVBD6EXAMPLE
CLI_BUCKET=bench-cli
PLUGIN_BUCKET=bench-plugin
DEPLOYS_BUCKET=bench-deploys

[ -x "$AWS" ] || { echo "The AWS CLI is missing at $AWS (apt-get install -y awscli, or set AWS=...)" >&2; exit 1; }

if [ -z "${SKIP_BUILD:-}" ]; then # SKIP_BUILD=1: the plugin installed and the classpath written by an earlier run
    ./mvnw -B -q install -DskipTests -Dinvoker.skip
    ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
# Other builds on the machine may install the plugin too: the runs must all use this one.
jar=~/.m2/repository/io/github/cloudfront-maven-plugin/cloudfront-maven-plugin/1.0.0-SNAPSHOT/cloudfront-maven-plugin-1.0.0-SNAPSHOT.jar
jar_sum=$(sha256sum "$jar" | cut -c1-12)
MVN="$(./mvnw -q help:evaluate -Dexpression=maven.home -DforceStdout 2>/dev/null)/bin/mvn"
[ -x "$MVN" ] || MVN=./mvnw

work=target/bench-sync
rm -rf "$work" && mkdir -p "$work"
abs="$PWD/$work"
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
unset AWS_SESSION_TOKEN AWS_PROFILE AWS_WEB_IDENTITY_TOKEN_FILE AWS_ROLE_ARN
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
export AWS_EC2_METADATA_DISABLED=true AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=

echo "== Generating the site: $FILES files, about $MIB MiB (seed $SEED), and its 1 % change"
python3 - "$work" "$FILES" "$MIB" "$SEED" <<'PY'
import os, random, sys
work, files, mib, seed = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 10))) for _ in range(500)]
pool = " ".join(rng.choice(words) for _ in range(400_000)).encode()
images = max(1, round(files * 0.012))
image_sizes = [rng.randint(100 << 10, 1 << 20) for _ in range(images)]
texts = files - images
# Small files: log-normal sizes (most of a few KiB, a few of tens of KiB), scaled to the total that is left.
raw = [rng.lognormvariate(0, 0.9) for _ in range(texts)]
left = max(texts * 512, int(mib * (1 << 20)) - sum(image_sizes))
text_sizes = [max(200, int(r * left / sum(raw))) for r in raw]
kinds = [("html", 0.60), ("css", 0.10), ("js", 0.20), ("json", 0.04), ("svg", 0.04), ("xml", 0.01), ("txt", 0.01)]
site, indexed = {}, set()
for i, size in enumerate(text_sizes):
    ext = rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
    if ext == "html":
        folder = "docs/s%02d/t%03d" % (i % 40, i // 40 % 25)
        path = "%s/%s.html" % (folder, "page-%05d" % i if folder in indexed else "index")
        indexed.add(folder)
    elif ext in ("css", "js"):
        path = "assets/%s/m%02d/f-%05d.%s" % (ext, i % 30, i, ext)
    else:
        path = "data/%s/d%02d/r-%05d.%s" % (ext, i % 20, i, ext)
    head = ("/* %s */\n" % path).encode()
    start = rng.randrange(len(pool) - size)
    site[path] = head + pool[start:start + max(0, size - len(head))]
for i, size in enumerate(image_sizes):
    site["img/g%02d/photo-%04d.%s" % (i % 10, i, rng.choice(["png", "jpg", "webp", "avif"]))] = rng.randbytes(size)

def write(root, path, content):
    target = os.path.join(work, root, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as f:
        f.write(content)

for path, content in site.items():
    write("site", path, content)
# The second deploy's change: 1 % of the files, text edited, images re-encoded (new bytes, same size).
changed = sorted(random.Random(seed + 1).sample(sorted(site), max(1, files // 100)))
for n, path in enumerate(changed):
    old = site[path]
    new = (b"/* edited %d */\n" % n + old) if not path.startswith("img/") else rng.randbytes(len(old))
    write("changes", path, new)
    write("originals", path, old)
with open(os.path.join(work, "changed.txt"), "w") as f:
    f.write("\n".join(changed) + "\n")
total = sum(len(c) for c in site.values())
print("%d files, %.1f MiB (%d images, %.1f MiB); %d changed for the second deploy"
      % (len(site), total / (1 << 20), images, sum(image_sizes) / (1 << 20), len(changed)))
PY
site_files=$(find "$work/site" -type f | wc -l)
site_bytes=$(du -sb --apparent-size "$work/site" | cut -f1)

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

echo "== Starting S3Proxy (in-memory store) and the CloudFront emulator"
s3_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$work/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:$s3_port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$AWS_ACCESS_KEY_ID
s3proxy.credential=$AWS_SECRET_ACCESS_KEY
s3proxy.ignore-unknown-headers=true
jclouds.provider=transient-nio2
jclouds.identity=identity
jclouds.credential=credential
EOF
# LOG_LEVEL=debug makes S3Proxy log one "request:" line per request: the count of PUTs per bucket comes from there.
java -Xmx2g -DLOG_LEVEL=debug -jar target/s3proxy/s3proxy.jar --properties "$work/s3proxy.properties" \
    >"$work/s3proxy.log" 2>&1 &
pids+=($!)
s3proxy=$!
java -cp "target/test-classes:$(cat target/bench-classpath.txt)" \
    io.github.cloudfrontmavenplugin.emulator.EmulatorMain --port-file "$work/cloudfront.port" --completion-delay 0 \
    --max-lifetime 14400 >"$work/cloudfront.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do
    [ -s "$work/cloudfront.port" ] && curl -s -o /dev/null "http://127.0.0.1:$s3_port/" && break
    sleep 0.2
done
s3="http://127.0.0.1:$s3_port"
cloudfront="http://127.0.0.1:$(cat "$work/cloudfront.port")"
for bucket in $CLI_BUCKET $PLUGIN_BUCKET $DEPLOYS_BUCKET; do
    "$AWS" --endpoint-url "$s3" s3 mb "s3://$bucket" >/dev/null
done

empty() { # bucket: every object deleted, 1,000 keys a request
    "$AWS" --endpoint-url "$s3" s3api list-objects-v2 --bucket "$1" --query 'Contents[].Key' --output json \
        >"$work/keys.json"
    python3 - "$work/delete" "$work/keys.json" <<'PY'
import json, sys
keys = json.load(open(sys.argv[2])) or []
for n in range(0, len(keys), 1000):
    with open("%s-%d.json" % (sys.argv[1], n // 1000), "w") as f:
        json.dump({"Objects": [{"Key": k} for k in keys[n:n + 1000]], "Quiet": True}, f)
PY
    for batch in "$work"/delete-*.json; do
        [ -e "$batch" ] || continue
        "$AWS" --endpoint-url "$s3" s3api delete-objects --bucket "$1" --delete "file://$batch" >/dev/null
        rm "$batch"
    done
}
checkout() { # version (first|second): a fresh copy of the site, every file with a new modification time
    rm -rf "$work/checkout"
    cp -R "$work/site" "$work/checkout"
    [ "$1" = first ] || cp -R "$work/changes/." "$work/checkout/"
}
cli() { # log
    "$AWS" --endpoint-url "$s3" s3 sync "$work/checkout" "s3://$CLI_BUCKET" --delete --no-progress >"$1" 2>&1
}
plugin() { # log
    "$MVN" -B -o -f bench/sync-pom.xml deploy \
        -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
        -Dcloudfront.directory="$abs/checkout" -Dcloudfront.bucket="s3://$PLUGIN_BUCKET/" \
        -Dcloudfront.manifest="s3://$DEPLOYS_BUCKET/manifest.txt" -Dcloudfront.s3Endpoint="$s3" \
        -Dcloudfront.endpoint="$cloudfront" -Dcloudfront.distributionId=$DISTRIBUTION >"$1" 2>&1
}
plugin_c1() { # log
    MAVEN_OPTS=-XX:TieredStopAtLevel=1 plugin "$1"
}
server_cpu() { # the server's CPU time so far, in clock ticks
    awk '{print $14 + $15}' "/proc/$s3proxy/stat"
}
timed() { # scenario, tool, run: runs the tool on the checkout; appends a line to runs.tsv
    local log="$work/$1-$2-$3.log" from to start end cpu_from cpu_to
    from=$(wc -l <"$work/s3proxy.log")
    cpu_from=$(server_cpu)
    start=$(date +%s%N)
    # `times` in the subshell: its second line is the CPU time of the subshell's children, the tool's processes.
    ("$2" "$log" && times >"$work/cpu") ||
        { echo "$2 failed in ($1) run $3; see $log" >&2; tail -30 "$log" >&2; exit 1; }
    end=$(date +%s%N)
    cpu_to=$(server_cpu)
    to=$(wc -l <"$work/s3proxy.log")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" $(((end - start) / 1000000)) "$from" "$to" "$log" \
        "$(awk -F'[ms ]' 'NR == 2 {print $1 * 60 + $2 + $4 * 60 + $5}' "$work/cpu")" "$(((cpu_to - cpu_from) * 1000 / $(getconf CLK_TCK)))" >>"$work/runs.tsv"
    echo "   ($1) run $3, $2: $(((end - start) / 1000000)) ms"
}
order() { # run: the tools in this run's order, rotated by one each run
    local k=$((($1 - 1) % ${#TOOLS[@]}))
    echo "${TOOLS[@]:k}" "${TOOLS[@]:0:k}"
}

: >"$work/runs.tsv"
echo "== (a) First upload into an empty bucket: $RUNS runs each, alternating"
checkout first
"$AWS" --endpoint-url "$s3" s3 ls >/dev/null # warms the CLI's files in the page cache
for i in $(seq 1 "$RUNS"); do
    for tool in $(order "$i"); do
        if [ "$tool" = cli ]; then
            empty $CLI_BUCKET
        else # plugin and plugin_c1 share the bucket and the manifest
            empty $PLUGIN_BUCKET
            empty $DEPLOYS_BUCKET
        fi
        timed a "$tool" "$i"
    done
done

echo "== (b) Second deploy after a fresh checkout, 1 % changed: $RUNS runs each, alternating"
# Each bucket (and the plugin's manifest) is now as the first deploy left it.
for i in $(seq 1 "$RUNS"); do
    for tool in $(order "$i"); do
        checkout second
        timed b "$tool" "$i"
        # Back to the first deploy's state, untimed.
        if [ "$tool" = cli ]; then
            "$AWS" --endpoint-url "$s3" s3 cp --recursive "$work/originals" "s3://$CLI_BUCKET/" --only-show-errors
        else
            checkout first
            plugin "$work/reset-$i.log" || { echo "reset failed; see $work/reset-$i.log" >&2; exit 1; }
        fi
    done
done

load=$(cut -d' ' -f1-3 /proc/loadavg)
[ "$(sha256sum "$jar" | cut -c1-12)" = "$jar_sum" ] ||
    echo "WARNING: another build installed the plugin during the run; the results mix two builds" >&2
python3 - "$work" "$RUNS" "$site_files" "$site_bytes" "$load" "$("$AWS" --version 2>&1)" \
    "$("$MVN" -v 2>/dev/null | head -1)" "$(java -version 2>&1 | head -1)" "$(nproc)" \
    "$(git rev-parse --short HEAD) (jar sha256 $jar_sum...)" <<'PY' | tee "$work/results.md"
import datetime, re, statistics, sys
work, runs, files, size, load, aws_version, mvn_version, java_version, cores, build = sys.argv[1:11]
rows = [line.rstrip("\n").split("\t") for line in open(f"{work}/runs.tsv")]
server = open(f"{work}/s3proxy.log", errors="replace").read().splitlines()
request = re.compile(r"request: .*\{(GET|PUT|POST|HEAD|DELETE)@\S+ http://[^/]+/([^/?]+)")
labels = {"cli": "`aws s3 sync --delete`", "plugin": "`mvn deploy` with cloudfront:sync",
          "plugin_c1": "the same, `MAVEN_OPTS=-XX:TieredStopAtLevel=1`"}

def stamp(line):
    return datetime.datetime.strptime(line.split(" ")[0], "%H:%M:%S.%f")

def measure(row):
    scenario, tool, run, ms, start, end, log, cpu, server_ms = row
    calls = {}
    for line in server[int(start):int(end)]:
        m = request.search(line)
        if m:
            calls[(m.group(1), m.group(2))] = calls.get((m.group(1), m.group(2)), 0) + 1
    bucket = "bench-cli" if tool == "cli" else "bench-plugin"
    text = open(log, errors="replace").read()
    own = None
    if tool == "cli":
        reported = len(re.findall(r"^upload: ", text, re.M))
    else:
        reported = int(re.search(r"Uploaded ([\d,]+) files? \(", text).group(1).replace(",", ""))
        lines = text.splitlines()
        first = next(l for l in lines if re.search(r"--- cloudfront:.*:sync", l))
        done = next(l for l in lines if re.search(r"\[INFO\] Uploaded [\d,]+ files? \(", l))
        own = (stamp(done) - stamp(first)).total_seconds()
    return dict(scenario=scenario, tool=tool, seconds=int(ms) / 1000, own=own, puts=calls.get(("PUT", bucket), 0),
                requests=sum(calls.values()), reported=reported, cpu=float(cpu), server=int(server_ms) / 1000)

results = [measure(r) for r in rows]
tools = [t for t in labels if any(r["tool"] == t for r in results)]
def pick(scenario, tool):
    return [r for r in results if r["scenario"] == scenario and r["tool"] == tool]
def median(scenario, tool, key):
    return statistics.median(r[key] for r in pick(scenario, tool))

print("## cloudfront:sync vs `aws s3 sync`, against the same S3 server (S3Proxy 3.1.0, in-memory)\n")
print(f"Site: {int(files):,} files, {int(size) / (1 << 20):.1f} MiB. Medians of {runs} runs of each, the tools"
      " alternating.")
print(f"Machine: {cores} cores, shared with other builds; load average at the end: {load}.")
print(f"{aws_version}; {mvn_version}; {java_version}; the plugin built from {build}.\n")
print("| scenario | command | whole command | ratio to the CLI | target | the Mojo's own time | objects PUT"
      " (server) | uploads (tool's output) | requests (server) | CPU of the command | CPU of the server |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
names = {"a": "(a) first upload, empty bucket", "b": "(b) fresh checkout, 1 % changed"}
targets = {"a": 1.0, "b": 0.2}
for scenario in ("a", "b"):
    # TOOLS without cli (a run of the plugin alone, to compare two builds of it) leaves the ratio and target empty.
    cli = median(scenario, "cli", "seconds") if pick(scenario, "cli") else None
    for tool in tools:
        mine = pick(scenario, tool)
        ratio = None if cli is None else median(scenario, tool, "seconds") / cli
        own = "" if tool == "cli" else f"{median(scenario, tool, 'own'):.2f} s"
        puts = "/".join(sorted({f"{r['puts']:,}" for r in mine}))
        reported = "/".join(sorted({f"{r['reported']:,}" for r in mine}))
        target = "" if tool == "cli" or ratio is None else (f"<= {targets[scenario]:.1f}: "
                                                            + ("met" if ratio <= targets[scenario] else "missed"))
        shown = "" if ratio is None else f"{ratio:.2f}"
        print(f"| {names[scenario]} | {labels[tool]} | {median(scenario, tool, 'seconds'):.2f} s | {shown} | {target}"
              f" | {own} | {puts} | {reported} | {median(scenario, tool, 'requests'):,.0f}"
              f" | {median(scenario, tool, 'cpu'):.1f} s | {median(scenario, tool, 'server'):.1f} s |")
print("\nEvery run, whole command in seconds (the Mojo's own time in brackets):\n")
for scenario in ("a", "b"):
    for tool in tools:
        print(f"- ({scenario}) {tool}: " + ", ".join(
            f"{r['seconds']:.2f}" + ("" if r["own"] is None else f" ({r['own']:.2f})") for r in pick(scenario, tool)))
PY
