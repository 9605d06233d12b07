#!/usr/bin/env bash
# Benchmark: cloudfront:sync beside `aws s3 sync`, both against the same S3 server (S3Proxy from Maven Central, an
# implementation we did not write, in memory, in its own JVM), side by side in one run, on two shapes of site:
#
#  real  The javadoc sites of two consecutive releases of a library on Maven Central (default commons-lang3 3.17.0 and
#        3.18.0: about 900 files and 30 MiB each, and about 95 % of the pages differ between them, as every page
#        carries the version). The jars are fetched once with the Maven wrapper into target/bench-sync/cache, unpacked
#        without META-INF.
#  gen   A generated site of FILES files (default 10,000) and about MIB MiB (default 100): many small HTML/CSS/JS/JSON/
#        SVG files and some images of 100 KiB-1 MiB, the same for a given SEED.
#
# Cases (CASES, all by default):
#  real-first     first upload of the newer release into an empty bucket (and, for the plugin, no manifest yet);
#  real-checkout  a fresh checkout of the release the bucket holds: the same content, every file with a new
#                 modification time, as `git clone` or a rebuild gives (the CLI uploads it all again);
#  real-release   release deploy: the bucket (and the manifest) hold the older release, the newer one goes up;
#  gen-first      first upload of the generated site into an empty bucket;
#  gen-checkout   a fresh checkout of the generated site with 1 % of the files changed.
#
# Networks (NETWORKS, both by default): every request of a timed run goes through bench/DelayProxy.java, a plain-HTTP
# proxy on loopback that counts requests and bytes; `loopback` passes them on at once, `delay` holds each request
# DELAY_MS (default 20) ms first, the round trip of a CI runner to S3. The state between runs is set up directly
# against S3Proxy, untimed.
#
# Contenders (TOOLS for the real site, GEN_TOOLS for the generated one): cli2 is AWS_V2 (Debian's awscli, v2), cli1 is
# AWS_V1 (v1, left out where it does not run), plugin is `mvn deploy` with cloudfront:sync (bench/sync-pom.xml; the
# invalidation goes to the bundled CloudFront emulator), plugin_c1 the same with MAVEN_OPTS=-XX:TieredStopAtLevel=1,
# plugin_opts the same with MAVEN_OPTS=$PLUGIN_OPTS (and the properties in PLUGIN_ARGS).
# Each runs with its defaults: the plugin 16 requests at once, the CLI 10; `aws s3 sync --delete` since sync deletes.
#
# ROUNDS rounds (default 3) of each case on each network; in each round every contender runs once, and the one that
# starts rotates. Reported: medians of the whole process (`mvn` or `aws`), the plugin's own time (from its
# `--- cloudfront:…:sync` line to `BUILD SUCCESS`, Maven's timestamps), the ratios, requests and bytes sent (at the
# proxy), objects PUT into the site's bucket, CPU time, and the load average before and after each case.
#
# Needs JDK 17, python3, the AWS CLI (Debian: apt-get install -y awscli) and Maven Central (the first time).
# Usage: bench/sync-vs-awscli.sh                               the full run; on 2 cores with a load average of 11-23
#                                                              (other builds) the real site took 14 minutes, the
#                                                              generated one 27
#        CASES="real-first real-checkout real-release" bench/sync-vs-awscli.sh      the real site alone
#        CASES="real-release" NETWORKS=delay ROUNDS=1 bench/sync-vs-awscli.sh    one case, quickly
#        CASES="gen-first gen-checkout" FILES=200 ROUNDS=1 bench/sync-vs-awscli.sh   a check of the script
# Other settings: REAL_ARTIFACT (groupId:artifactId), REAL_FROM and REAL_TO (its versions), FILES, MIB, SEED, DELAY_MS,
# AWS_V2, AWS_V1, SKIP_BUILD=1 (reuse the plugin installed and the classpath written by an earlier run), JFR=1 (a flight
# recording of each timed run of the plugin, for bench/sync-timeline.py; it slows the plugin down).
# REVISIONS="before=31c2b27 after=HEAD" measures those commits instead of this checkout's plugin, side by side: each is
# built in a temporary git worktree and installed as <its version>-bench-<label>-SNAPSHOT (so that a build of the
# plugin elsewhere on the machine cannot change it during the run), and is the contender plugin_<label>; the first one
# also sets up the buckets between runs. This checkout then only compiles the emulators the bench runs.
# VARIANTS="c8=-Dcloudfront.concurrency=8 c32=-Dcloudfront.concurrency=32" adds contenders plugin_<label>: the plugin
# (the first of REVISIONS, else this checkout's) with those properties.
# REVISION_ARGS="-Dbench.extensions=true" gives every contender of REVISIONS those properties.
# Results: printed, and saved to target/bench-sync/results.md; the runs' logs and the proxy's request logs stay there.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/install-revision.sh
. bench/s3proxy.sh
ROUNDS=${ROUNDS:-${RUNS:-3}}
read -r -a CASES <<<"${CASES:-real-first real-checkout real-release gen-first gen-checkout}"
read -r -a NETWORKS <<<"${NETWORKS:-loopback delay}"
DELAY_MS=${DELAY_MS:-20}
REAL_ARTIFACT=${REAL_ARTIFACT:-org.apache.commons:commons-lang3}
REAL_FROM=${REAL_FROM:-3.17.0}
REAL_TO=${REAL_TO:-3.18.0}
FILES=${FILES:-10000}
MIB=${MIB:-$((FILES * 100 / 10000))}
SEED=${SEED:-13}
AWS_V2=${AWS_V2:-/usr/bin/aws}
AWS_V1=${AWS_V1:-/root/.pyenv/shims/aws}
unset MAVEN_OPTS
DISTRIBUTION=EDFDVBD6EXAMPLE
DEPLOYS_BUCKET=bench-deploys

[ -x "$AWS_V2" ] || { echo "The AWS CLI v2 is missing at $AWS_V2 (apt-get install -y awscli, or set AWS_V2=...)" >&2; exit 1; }
AWS=$AWS_V2 # sets up state
# Where v1 does not run, it leaves the contenders.
default_tools="cli2 cli1 plugin"
"$AWS_V1" --version >/dev/null 2>&1 || { default_tools="cli2 plugin"; echo "No AWS CLI v1 at $AWS_V1: left out" >&2; }
# v1 on the generated site would take the full run past 20 minutes; GEN_TOOLS="cli2 cli1 plugin" adds it.
default_gen_tools="cli2 plugin"

pom_version() { python3 -c 'import sys, xml.etree.ElementTree as t
print(t.parse(sys.argv[1]).getroot().find("{http://maven.apache.org/POM/4.0.0}version").text)' "$1"; }
PLUGIN_VERSION=$(pom_version pom.xml)
declare -A version_of=() # plugin contender -> the plugin version it runs
read -r -a REVISION_PAIRS <<<"${REVISIONS:-}"
if [ -z "${SKIP_BUILD:-}" ]; then
    if [ ${#REVISION_PAIRS[@]} -eq 0 ]; then
        ./mvnw -B -q install -DskipTests -Dinvoker.skip
    else
        ./mvnw -B -q test-compile -Dspotless.check.skip
    fi
    ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
for pair in "${REVISION_PAIRS[@]}"; do
    label=${pair%%=*} rev=${pair#*=}
    install_revision "$label" "$rev"
    version_of[plugin_$label]=$bench_version
    [ -n "${first_revision:-}" ] || first_revision=plugin_$label
done
if [ ${#REVISION_PAIRS[@]} -gt 0 ]; then
    PLUGIN_VERSION=${version_of[$first_revision]}
    plugins=$(for pair in "${REVISION_PAIRS[@]}"; do printf 'plugin_%s ' "${pair%%=*}"; done)
    default_tools="${default_tools/plugin/$plugins}"
    default_gen_tools="cli2 $plugins"
fi
declare -A args_of=() # plugin contender -> the properties it adds
for variant in ${VARIANTS:-}; do
    args_of[plugin_${variant%%=*}]=${variant#*=}
    default_tools="$default_tools plugin_${variant%%=*}"
    default_gen_tools="$default_gen_tools plugin_${variant%%=*}"
done
read -r -a TOOLS <<<"${TOOLS:-$default_tools}"
read -r -a GEN_TOOLS <<<"${GEN_TOOLS:-$default_gen_tools}"
# Other builds on the machine may install the plugin too: the runs must all use this one.
jar=~/.m2/repository/io/github/cloudfront-maven-plugin/cloudfront-maven-plugin/$PLUGIN_VERSION/cloudfront-maven-plugin-$PLUGIN_VERSION.jar
jar_sum=$(sha256sum "$jar" | cut -c1-12)
MVN="$(./mvnw -q help:evaluate -Dexpression=maven.home -DforceStdout 2>/dev/null)/bin/mvn"
[ -x "$MVN" ] || MVN=./mvnw

work=target/bench-sync
mkdir -p "$work/cache"
find "$work" -mindepth 1 -maxdepth 1 ! -name cache -exec rm -rf {} +
abs="$PWD/$work"
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
unset AWS_SESSION_TOKEN AWS_PROFILE AWS_WEB_IDENTITY_TOKEN_FILE AWS_ROLE_ARN
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
export AWS_EC2_METADATA_DISABLED=true AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=

wants() { # prefix: whether a case of that site was asked for
    [[ " ${CASES[*]} " == *" $1-"* ]]
}

if wants real; then
    echo "== The real sites: $REAL_ARTIFACT $REAL_FROM and $REAL_TO, javadoc"
    for version in $REAL_FROM $REAL_TO; do
        name="${REAL_ARTIFACT#*:}-$version-javadoc.jar"
        [ -s "$work/cache/$name" ] || ./mvnw -B -q dependency:copy -Dartifact="$REAL_ARTIFACT:$version:jar:javadoc" \
            -DoutputDirectory="$abs/cache" -Dmdep.overWriteReleases=true
        python3 - "$work/cache/$name" "$work/real/$version" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as jar:
    jar.extractall(sys.argv[2], [n for n in jar.namelist() if not n.startswith("META-INF/") and not n.endswith("/")])
PY
    done
    python3 - "$work/real/$REAL_FROM" "$work/real/$REAL_TO" "$REAL_ARTIFACT javadoc" <<'PY' | tee -a "$work/sites.txt"
import hashlib, os, sys
def site(root):
    out = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            out[os.path.relpath(path, root)] = hashlib.sha256(open(path, "rb").read()).hexdigest()
    return out
old, new = site(sys.argv[1]), site(sys.argv[2])
size = lambda root: sum(os.path.getsize(os.path.join(f, n)) for f, _, ns in os.walk(root) for n in ns)
print(sys.argv[3] + " " + "%s: %d files, %.1f MiB; %s: %d files, %.1f MiB; between them %d added, %d changed, %d deleted, %d the same"
      % (os.path.basename(sys.argv[1]), len(old), size(sys.argv[1]) / (1 << 20), os.path.basename(sys.argv[2]),
         len(new), size(sys.argv[2]) / (1 << 20), len(set(new) - set(old)),
         sum(1 for k in new if k in old and old[k] != new[k]), len(set(old) - set(new)),
         sum(1 for k in new if old.get(k) == new[k])))
PY
fi

if wants gen; then
    echo "== Generating the site: $FILES files, about $MIB MiB (seed $SEED), and its 1 % change"
    python3 - "$work/gen" "$FILES" "$MIB" "$SEED" <<'PY' | tee -a "$work/sites.txt"
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
    write("second", path, content)
# The second deploy's change: 1 % of the files, text edited, images re-encoded (new bytes, same size).
changed = sorted(random.Random(seed + 1).sample(sorted(site), max(1, files // 100)))
for n, path in enumerate(changed):
    old = site[path]
    new = (b"/* edited %d */\n" % n + old) if not path.startswith("img/") else rng.randbytes(len(old))
    write("second", path, new)
    write("originals", path, old)
total = sum(len(c) for c in site.values())
print("generated (seed %d): %d files, %.1f MiB (%d images, %.1f MiB); %d changed for the second deploy"
      % (seed, len(site), total / (1 << 20), images, sum(image_sizes) / (1 << 20), len(changed)))
PY
fi

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

echo "== Starting S3Proxy (in memory), the CloudFront emulator and the two networks"
s3_port=$(free_port)
start_s3proxy "$work" "$s3_port"
pids+=("$s3proxy_pid")
s3proxy=$s3proxy_pid
java -cp "target/test-classes:$(cat target/bench-classpath.txt)" \
    io.github.cloudfrontmavenplugin.emulator.EmulatorMain --port-file "$work/cloudfront.port" --completion-delay 0 \
    --max-lifetime 14400 >"$work/cloudfront.log" 2>&1 &
pids+=($!)
declare -A delay_of=([loopback]=0 [delay]=$DELAY_MS) endpoint_of=()
for network in "${NETWORKS[@]}"; do
    [ -n "${delay_of[$network]:-}" ] || { echo "Unknown network $network (loopback, delay)" >&2; exit 1; }
    java bench/DelayProxy.java --target "127.0.0.1:$s3_port" --delay-ms "${delay_of[$network]}" \
        --port-file "$work/$network.port" --log "$work/$network-requests.tsv" >"$work/$network-proxy.log" 2>&1 &
    pids+=($!)
done
for _ in $(seq 1 300); do
    ready=1
    for network in "${NETWORKS[@]}"; do [ -s "$work/$network.port" ] || ready=; done
    [ -n "$ready" ] && [ -s "$work/cloudfront.port" ] && curl -s -o /dev/null "http://127.0.0.1:$s3_port/" && break
    sleep 0.2
done
for network in "${NETWORKS[@]}"; do endpoint_of[$network]="http://127.0.0.1:$(cat "$work/$network.port")"; done
s3="http://127.0.0.1:$s3_port"
cloudfront="http://127.0.0.1:$(cat "$work/cloudfront.port")"
bucket_of() { # tool: its site's bucket (plugin and plugin_c1 share one, and the manifest)
    case $1 in plugin*) echo bench-plugin ;; *) echo "bench-$1" ;; esac
}
for bucket in bench-cli2 bench-cli1 bench-plugin $DEPLOYS_BUCKET; do
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
site_dir() { # site: where its files are (real-<version>, gen-1, gen-2)
    case $1 in
        real-*) echo "$work/real/${1#real-}" ;;
        gen-1) echo "$work/gen/site" ;;
        gen-2) echo "$work/gen/second" ;;
    esac
}
checkout() { # site: a fresh copy of it in $work/checkout, every file with a new modification time
    rm -rf "$work/checkout"
    cp -R "$(site_dir "$1")" "$work/checkout"
}
cli2() { # log endpoint
    "$AWS_V2" --endpoint-url "$2" s3 sync "$work/checkout" "s3://bench-cli2" --delete --no-progress >"$1" 2>&1
}
cli1() { # log endpoint
    "$AWS_V1" --endpoint-url "$2" s3 sync "$work/checkout" "s3://bench-cli1" --delete --no-progress >"$1" 2>&1
}
plugin() { # log endpoint [plugin version] [properties...]
    MAVEN_OPTS="${MAVEN_OPTS:-}${jfr:-}" "$MVN" -B -o -f bench/sync-pom.xml deploy -Dbench.plugin.version="${3:-$PLUGIN_VERSION}" "${@:4}" \
        -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
        -Dcloudfront.directory="$abs/checkout" -Dcloudfront.bucket="s3://bench-plugin/" \
        -Dcloudfront.manifest="s3://$DEPLOYS_BUCKET/manifest.txt" -Dcloudfront.s3Endpoint="$2" \
        -Dcloudfront.endpoint="$cloudfront" -Dcloudfront.distributionId=$DISTRIBUTION >"$1" 2>&1
}
plugin_c1() { # log endpoint
    MAVEN_OPTS=-XX:TieredStopAtLevel=1 plugin "$@"
}
plugin_opts() { # log endpoint
    MAVEN_OPTS="$PLUGIN_OPTS" plugin "$1" "$2" "$PLUGIN_VERSION" ${PLUGIN_ARGS:-}
}
for variant in "${!version_of[@]}"; do
    eval "$variant() { plugin \"\$1\" \"\$2\" ${version_of[$variant]} ${REVISION_ARGS:-}; }"
done
for variant in "${!args_of[@]}"; do
    eval "$variant() { plugin \"\$1\" \"\$2\" \"\$PLUGIN_VERSION\" ${args_of[$variant]}; }"
done
declare -A state=() # bucket -> the site it holds (empty, real-<version>, gen-1, gen-2)
holds() { # tool site: puts the tool's bucket (and the plugin's manifest) in that state, untimed, straight to S3Proxy
    local bucket
    bucket=$(bucket_of "$1")
    [ "${state[$bucket]:-empty}" = "$2" ] && return
    if [ "$2" = empty ]; then
        empty "$bucket"
        [ "$bucket" = bench-plugin ] && empty $DEPLOYS_BUCKET
    elif [ "$bucket" = bench-plugin ]; then
        checkout "$2"
        plugin "$work/reset.log" "$s3" || { echo "reset failed; see $work/reset.log" >&2; exit 1; }
    elif [ "${state[$bucket]:-}/$2" = gen-2/gen-1 ]; then # the 1 % changed put back
        "$AWS" --endpoint-url "$s3" s3 cp --recursive "$work/gen/originals" "s3://$bucket" --only-show-errors
    else # from a fresh copy: newer than every object, so the CLI puts back even the files of the same size
        checkout "$2"
        "$AWS" --endpoint-url "$s3" s3 sync "$work/checkout" "s3://$bucket" --delete --only-show-errors
    fi
    state[$bucket]=$2
}
timed() { # case network tool round: runs the tool on the checkout; appends a line to runs.tsv
    local log="$work/$1-$2-$3-$4.log" requests="$work/$2-requests.tsv" from to start end
    from=$(wc -l <"$requests")
    # JFR=1: a flight recording of each timed run of the plugin, beside its log (bench/sync-timeline.py reads it).
    [ -z "${JFR:-}" ] || jfr=" -XX:StartFlightRecording=filename=${log%.log}.jfr,settings=profile,dumponexit=true"
    start=$(date +%s%N)
    # `times` in the subshell: its second line is the CPU time of the subshell's children, the tool's processes.
    ("$3" "$log" "${endpoint_of[$2]}" && times >"$work/cpu") ||
        { echo "$3 failed in $1 on $2, round $4; see $log" >&2; tail -30 "$log" >&2; exit 1; }
    end=$(date +%s%N)
    jfr=
    to=$(wc -l <"$requests")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" $(((end - start) / 1000000)) "$requests" \
        "$from" "$to" "$log" "$(awk -F'[ms ]' 'NR == 2 {print $1 * 60 + $2 + $4 * 60 + $5}' "$work/cpu")" \
        >>"$work/runs.tsv"
    echo "   $1 on $2, round $4, $3: $(((end - start) / 1000000)) ms"
}
order() { # round tools...: the tools in this round's order, rotated by one each round
    local round=$1
    shift
    local tools=("$@")
    local k=$(((round - 1) % ${#tools[@]}))
    echo "${tools[@]:k}" "${tools[@]:0:k}"
}
run_case() { # case: every round of it on every network
    local before after site tools
    case $1 in
        real-first) before=empty site=real-$REAL_TO ;;
        real-checkout) before=real-$REAL_TO site=real-$REAL_TO ;;
        real-release) before=real-$REAL_FROM site=real-$REAL_TO ;;
        gen-first) before=empty site=gen-1 ;;
        gen-checkout) before=gen-1 site=gen-2 ;;
        *) echo "Unknown case $1" >&2; exit 1 ;;
    esac
    if [[ $1 == real-* ]]; then tools=("${TOOLS[@]}"); else tools=("${GEN_TOOLS[@]}"); fi
    for network in "${NETWORKS[@]}"; do
        echo "== $1 on $network: $ROUNDS rounds of ${tools[*]}, alternating"
        printf '%s\t%s\tbefore\t%s\n' "$1" "$network" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$work/loads.tsv"
        for round in $(seq 1 "$ROUNDS"); do
            for tool in $(order "$round" "${tools[@]}"); do
                holds "$tool" "$before"
                checkout "$site"
                timed "$1" "$network" "$tool" "$round"
                state[$(bucket_of "$tool")]=$site
            done
        done
        printf '%s\t%s\tafter\t%s\n' "$1" "$network" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$work/loads.tsv"
    done
}

: >"$work/runs.tsv"
: >"$work/loads.tsv"
started=$(date -u +%Y-%m-%dT%H:%M)
"$AWS" --endpoint-url "$s3" s3 ls >/dev/null # the CLI's files in the page cache
for name in "${CASES[@]}"; do
    # The generated site after the real one: the buckets emptied first, so that S3Proxy's heap holds one site each.
    if [[ $name == gen-* ]] && [ -z "${emptied:-}" ]; then
        for tool in cli2 cli1 plugin; do holds "$tool" empty; done
        emptied=1
    fi
    run_case "$name"
done

[ "$(sha256sum "$jar" | cut -c1-12)" = "$jar_sum" ] ||
    echo "WARNING: another build installed the plugin during the run; the results mix two builds" >&2
versions=$("$AWS_V2" --version 2>&1)
[[ " ${TOOLS[*]} ${GEN_TOOLS[*]} " == *" cli1 "* ]] && versions="$versions; $("$AWS_V1" --version 2>&1)"
python3 - "$work" "$ROUNDS" "$DELAY_MS" "$started" "$(date -u +%H:%M)" "$versions" \
    "$("$MVN" -v 2>/dev/null | head -1)" "$(java -version 2>&1 | head -1)" \
    "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB" \
    "$(git rev-parse --short HEAD) (jar sha256 $jar_sum...)" "$REAL_ARTIFACT" "$REAL_FROM" "$REAL_TO" \
    "$(cat "$work/sites.txt" 2>/dev/null || true)" <<'PY' | tee "$work/results.md"
import datetime, os, re, statistics, sys
(work, rounds, delay, started, ended, cli_versions, mvn_version, java_version, machine, build, artifact, old,
 new, sites) = sys.argv[1:15]
rows = [line.rstrip("\n").split("\t") for line in open(f"{work}/runs.tsv")]
loads = {}
for line in open(f"{work}/loads.tsv"):
    case, network, when, load = line.rstrip("\n").split("\t")
    loads[(case, network, when)] = load
labels = {"cli2": "`aws s3 sync --delete` (v2)", "cli1": "`aws s3 sync --delete` (v1)",
          "plugin": "`mvn deploy` with cloudfront:sync", "plugin_c1": "the same, `-XX:TieredStopAtLevel=1`",
          "plugin_opts": "the same, `MAVEN_OPTS=" + os.environ.get("PLUGIN_OPTS", "") + "`"}
for row in open(f"{work}/runs.tsv"):
    tool = row.split("\t")[2]
    labels.setdefault(tool, f"cloudfront:sync, {tool[len('plugin_'):]}" if tool.startswith("plugin_") else tool)
names = {"real-first": "real site, first upload", "real-checkout": "real site, fresh checkout (nothing changed)",
         "real-release": "real site, release deploy", "gen-first": "generated, first upload",
         "gen-checkout": "generated, fresh checkout, 1 % changed"}
targets = {("real-release", "loopback"): 0.8, ("real-release", "delay"): 0.5, ("real-checkout", "loopback"): 0.2,
           ("real-checkout", "delay"): 0.2, ("gen-first", "loopback"): 0.5, ("gen-first", "delay"): 0.5,
           ("gen-checkout", "loopback"): 0.15, ("gen-checkout", "delay"): 0.15}
logs = {}

def stamp(line):
    return datetime.datetime.strptime(line.split(" ")[0], "%H:%M:%S.%f")

def measure(row):
    case, network, tool, rnd, ms, requests, start, end, log, cpu = row
    if requests not in logs:
        logs[requests] = open(requests).read().splitlines()
    exchanges = [l.split("\t") for l in logs[requests][int(start):int(end)]]
    bucket = "/bench-plugin/" if tool.startswith("plugin") else f"/bench-{tool}/"
    text = open(log, errors="replace").read()
    own = None
    if tool.startswith("plugin"):
        lines = text.splitlines()
        first = next(l for l in lines if re.search(r"--- cloudfront:.*:sync", l))
        done = next(l for l in lines if "BUILD SUCCESS" in l)
        own = (stamp(done) - stamp(first)).total_seconds()
    return dict(case=case, network=network, tool=tool, seconds=int(ms) / 1000, own=own, cpu=float(cpu),
                requests=len(exchanges), sent=sum(int(e[8]) for e in exchanges),
                puts=sum(1 for e in exchanges if e[5] == "PUT" and e[6].startswith(bucket)),
                failed=sum(1 for e in exchanges if not 200 <= int(e[7]) < 300 and int(e[7]) != 404))

results = [measure(r) for r in rows]
def pick(case, network, tool):
    return [r for r in results if (r["case"], r["network"], r["tool"]) == (case, network, tool)]
def median(runs, key):
    return statistics.median(r[key] for r in runs)

print(f"## cloudfront:sync vs `aws s3 sync`, on real and generated sites (S3Proxy 3.1.0, in memory)\n")
print(f"Run {started}-{ended} UTC. Medians of {rounds} rounds; each round runs every contender once, the first"
      " rotating.")
print(f"Machine: {machine}. {build}.")
print(f"{cli_versions}; {mvn_version}; {java_version}.")
print("Sites: " + "; ".join(sites.splitlines()) + ".")
print(f"Networks: `loopback` through the counting proxy without delay; `delay` holds each request {delay} ms.\n")
print("The plugin's own time is its `--- cloudfront:…:sync` line to `BUILD SUCCESS`; the ratios are to the CLI v2's"
      " whole process (v1's in brackets).\n")
print("| case | network | contender | whole process | the plugin's own time | own / CLI | whole / CLI | target"
      " (own / CLI v2) | PUTs to the site's bucket | requests | MiB sent | CPU | load before → after |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
cases = list(dict.fromkeys(r["case"] for r in results))
networks = list(dict.fromkeys(r["network"] for r in results))
for case in cases:
    for network in networks:
        cli = {t: median(pick(case, network, t), "seconds") for t in ("cli2", "cli1") if pick(case, network, t)}
        for tool in labels:
            runs = pick(case, network, tool)
            if not runs:
                continue
            def ratio(x):
                if "cli2" not in cli:
                    return ""
                return f"{x / cli['cli2']:.2f}" + (f" ({x / cli['cli1']:.2f})" if "cli1" in cli else "")
            own, whole = (median(runs, "own") if tool.startswith("plugin") else None), median(runs, "seconds")
            target = targets.get((case, network))
            met = ("" if own is None or target is None or "cli2" not in cli
                   else f"≤ {target}: " + ("met" if own / cli["cli2"] <= target else "missed"))
            puts = "/".join(sorted({f"{r['puts']:,}" for r in runs}))
            failed = sum(r["failed"] for r in runs)
            load = f"{loads.get((case, network, 'before'), '?')} → {loads.get((case, network, 'after'), '?')}"
            print(f"| {names.get(case, case)} | {network} | {labels[tool]} | {whole:.2f} s"
                  f" | {'' if own is None else f'{own:.2f} s'} | {'' if own is None else ratio(own)}"
                  f" | {ratio(whole) if tool.startswith('plugin') else ''} | {met} | {puts}"
                  f" | {median(runs, 'requests'):,.0f}{f' ({failed} failed)' if failed else ''}"
                  f" | {median(runs, 'sent') / (1 << 20):.1f} | {median(runs, 'cpu'):.1f} s | {load} |")
print("\nEvery run, whole process in seconds (the plugin's own time in brackets):\n")
for case in cases:
    for network in networks:
        for tool in labels:
            runs = pick(case, network, tool)
            if runs:
                print(f"- {case}, {network}, {tool}: " + ", ".join(
                    f"{r['seconds']:.2f}" + ("" if r["own"] is None else f" ({r['own']:.2f})") for r in runs))
PY
