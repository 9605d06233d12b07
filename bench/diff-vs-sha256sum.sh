#!/usr/bin/env bash
# Benchmark of the resource diff (cloudfront:invalidate with <directory>), in one run:
#
#  1. Speed: a generated tree of 100,000 files / 1 GiB, warm in the page cache. The diff of a first deploy (hash every
#     file, write the manifest) and of a second one (the same, joined with the first's manifest) beside
#     `find DIR -type f -print0 | xargs -0 -P2 sha256sum >/dev/null`: hyperfine, RUNS runs each (default 5).
#  2. Memory: a tree of 1,000,000 small files and its 1,000,000-entry manifest; after changing 1,000 files, the diff
#     against that manifest in a 256 MiB heap (-Xmx256m), MEM_RUNS runs (default 3), with its peak heap.
#
# Needs JDK 17, python3 and hyperfine (apt-get install -y hyperfine); about 6 GB of disk under target/bench-diff.
# Usage: bench/diff-vs-sha256sum.sh       Results: printed, and saved to target/bench-diff/results.md
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
MEM_RUNS=${MEM_RUNS:-3}
work=target/bench-diff
command -v hyperfine >/dev/null || { echo "hyperfine is missing (apt-get install -y hyperfine)" >&2; exit 1; }

./mvnw -B -q test-compile -Dspotless.check.skip
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
mkdir -p "$work"

if [ ! -f "$work/big.done" ]; then
    echo "== Generating 100,000 files / 1 GiB"
    rm -rf "$work/big"
    python3 - "$work/big" <<'PY'
import os, random, sys
root = sys.argv[1]
rng = random.Random(42)
total, files = 1 << 30, 100_000
for i in range(files):
    d = os.path.join(root, "d%02d" % (i % 50), "e%02d" % (i // 50 % 40), "f%d" % (i // 2000))
    os.makedirs(d, exist_ok=True)
    size = total // files + rng.randint(-4000, 4000)
    with open(os.path.join(d, "page-%06d.html" % i), "wb") as f:
        f.write(os.urandom(size))
PY
    touch "$work/big.done"
fi
if [ ! -f "$work/many.done" ]; then
    echo "== Generating 1,000,000 small files"
    rm -rf "$work/many"
    python3 - "$work/many" <<'PY'
import os, sys
root = sys.argv[1]
for d in range(1000):
    directory = os.path.join(root, "s%02d" % (d // 100), "dir-%03d" % d)
    os.makedirs(directory)
    for i in range(1000):
        with open(os.path.join(directory, "obj-%04d.txt" % i), "w") as f:
            f.write("object %d in %d\n" % (i, d))
PY
    touch "$work/many.done"
fi

echo "== Speed: 100,000 files / 1 GiB (warming the cache first)"
find "$work/big" -type f -print0 | xargs -0 -P2 sha256sum >/dev/null
java -cp "$CP" io.github.cloudfrontmavenplugin.diff.DiffBenchmarkMain "$work/big" "$work/big-first.txt" >/dev/null
hyperfine --style basic --runs "$RUNS" --warmup 1 --export-json "$work/speed.json" \
    -n "find | xargs -P2 sha256sum" "find $work/big -type f -print0 | xargs -0 -P2 sha256sum >/dev/null" \
    -n "diff, first deploy" "java -cp $CP io.github.cloudfrontmavenplugin.diff.DiffBenchmarkMain $work/big $work/big-a.txt" \
    -n "diff, second deploy" "java -cp $CP io.github.cloudfrontmavenplugin.diff.DiffBenchmarkMain $work/big $work/big-b.txt $work/big-first.txt"

echo "== Memory: 1,000,000-entry manifest, -Xmx256m"
java -Xmx256m -cp "$CP" io.github.cloudfrontmavenplugin.diff.DiffBenchmarkMain "$work/many" "$work/many-first.txt" \
    | tee "$work/memory-first.txt"
python3 - "$work/many" <<'PY'
import sys
for d in range(0, 1000, 10):
    for i in range(0, 1000, 100):
        with open("%s/s%02d/dir-%03d/obj-%04d.txt" % (sys.argv[1], d // 100, d, i), "a") as f:
            f.write("changed\n")
PY
: >"$work/memory-runs.txt"
for i in $(seq 1 "$MEM_RUNS"); do
    java -Xmx256m -cp "$CP" io.github.cloudfrontmavenplugin.diff.DiffBenchmarkMain "$work/many" "$work/many-next.txt" \
        "$work/many-first.txt" | tee -a "$work/memory-runs.txt"
done

python3 - "$work" "$RUNS" "$MEM_RUNS" <<'PY' | tee "$work/results.md"
import json, re, statistics, sys
work, runs, mem_runs = sys.argv[1], sys.argv[2], sys.argv[3]
r = {x["command"]: x["times"] for x in json.load(open(f"{work}/speed.json"))["results"]}
base = statistics.median(r["find | xargs -P2 sha256sum"])
print(f"## Resource diff: 100,000 files / 1 GiB, warm cache, medians of {runs} runs in one run\n")
print("| command | median | ratio to find/xargs/sha256sum |\n|---|---|---|")
for name in ("find | xargs -P2 sha256sum", "diff, first deploy", "diff, second deploy"):
    m = statistics.median(r[name])
    print(f"| {name.replace('|', chr(92) + '|')} | {m:.2f} s | {m / base:.2f} |")
rows = [dict(kv.split("=") for kv in line.split()) for line in open(f"{work}/memory-runs.txt") if line.startswith("diff_ms")]
print(f"\n## Diff against a 1,000,000-entry manifest, -Xmx256m ({mem_runs} runs)\n")
print("| files | modified | diff (median) | heap used, sampled (max) | heap after GC (max) |\n|---|---|---|---|---|")
print(f"| {rows[0]['files']} | {rows[0]['modified']} | {statistics.median(int(x['diff_ms']) for x in rows) / 1000:.1f} s"
      f" | {max(int(x['peak_heap_sampled_mb']) for x in rows)} MiB | {max(int(x['max_heap_after_gc_mb']) for x in rows)} MiB |")
PY
