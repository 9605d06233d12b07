#!/usr/bin/env bash
# Benchmark: what an S3 client costs a cold JVM (bench/S3ClientCost.java): the SDK's generated client as the plugin
# configured it before (generated), the plugin's own (plugin: S3Api), and the fewest steps through the SDK's HTTP
# client and signer (raw, a floor): the client's start, the deploy lock's conditional PUT, the listing of a bucket of
# LIST_KEYS keys (default 10,000), and the PUT of every file of the newer real site of bench/sync-vs-awscli.sh (run
# that first, once: it fetches the site and S3Proxy), 16 at once. Against S3Proxy in memory on loopback; ROUNDS
# rounds (default 5), the modes (MODES, default "generated plugin raw") rotating, each in a fresh JVM (CLIENT_OPTS:
# its options, such as a flight recording).
# Prints every run (phase=wall ms/CPU ms) and the medians; saves them to target/s3-client-cost/results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
LIST_KEYS=${LIST_KEYS:-10000}
SITE=${SITE:-target/bench-sync/real/3.18.0}
work=target/s3-client-cost
rm -rf "$work" && mkdir -p "$work/classes" "$work/keys"
[ -d "$SITE" ] && [ -f target/s3proxy/s3proxy.jar ] || { echo "No $SITE or S3Proxy: run CASES=real-release ROUNDS=1 bench/sync-vs-awscli.sh once first, or set SITE" >&2; exit 1; }
[ -f target/bench-classpath.txt ] || ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
./mvnw -B -q -o compile
cp="target/classes:$(cat target/bench-classpath.txt)"
javac -nowarn -d "$work/classes" -cp "$cp" bench/S3ClientCost.java
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
. bench/s3proxy.sh
start_s3proxy "$work" "$port"
trap 'kill "$s3proxy_pid" 2>/dev/null || true' EXIT
endpoint=http://127.0.0.1:$port
until curl -s -o /dev/null "$endpoint/"; do sleep 0.2; done
aws --endpoint-url "$endpoint" s3 mb s3://cost-list >/dev/null
aws --endpoint-url "$endpoint" s3 mb s3://cost-put >/dev/null
python3 - "$work/keys" "$LIST_KEYS" <<'PY'
import os, sys
for n in range(int(sys.argv[2])):
    d = os.path.join(sys.argv[1], "d%02d" % (n % 40))
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, "page-%05d.html" % n), "w").write("x" * (n % 97))
PY
aws --endpoint-url "$endpoint" s3 sync "$work/keys" s3://cost-list --only-show-errors
echo "== $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg); $ROUNDS rounds; list $LIST_KEYS keys; put $(find "$SITE" -type f | wc -l) files of $SITE"
for round in $(seq "$ROUNDS"); do
    read -r -a modes <<<"${MODES:-generated plugin raw}"
    shift_by=$(( (round - 1) % ${#modes[@]} ))
    for mode in "${modes[@]:$shift_by}" "${modes[@]:0:$shift_by}"; do
        java ${CLIENT_OPTS:-} -cp "$work/classes:$cp" S3ClientCost "$mode" "$endpoint" cost-list cost-put "$SITE" | tee -a "$work/runs.txt"
    done
done
echo "== load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/runs.txt" <<'PY' | tee "$work/results.txt"
import re, statistics, sys, collections
runs = collections.defaultdict(lambda: collections.defaultdict(list))
for line in open(sys.argv[1]):
    mode, *fields = line.split()
    for f in fields:
        name, value = f.split("=")
        name = re.sub(r"\d+$", "", name)
        parts = value.split("/")
        runs[mode][name + " wall"].append(int(parts[0]))
        if len(parts) > 1:
            runs[mode][name + " cpu"].append(int(parts[1]))
names = list(next(iter(runs.values())))
print("| ms, median | " + " | ".join(names) + " |")
print("|---|" + "---|" * len(names))
for mode in runs:
    print(f"| {mode} | " + " | ".join(str(int(statistics.median(runs[mode][n]))) for n in names) + " |")
PY
