#!/usr/bin/env bash
# Benchmark: what the deploy history costs at the end of a sync (bench/HistoryAppend.java): reading it, and adding the
# deploy's record and writing it back, each revision in a fresh JVM, in one run. REVISIONS (default
# "before=2a94d51 after=HEAD": the whole history compressed at every deploy, then a gzip member per record) are
# compiled from temporary worktrees. For each shape of SHAPES ("objects:kept deploys:% changing per deploy"; default
# the real site of bench/sync-vs-awscli.sh, 903 objects of which most change each release, and a site of 10,000
# objects changing 1 % or 95 %), each revision writes its own history of that shape (untimed), then appends to it,
# timed; ROUNDS rounds (default 5), the revision that starts rotating. Prints every run and the medians, and saves them
# in target/history-append/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
SHAPES=${SHAPES:-903:20:95 10000:20:1 10000:20:95}
REVISIONS=${REVISIONS:-before=2a94d51 after=HEAD}
work=target/history-append
rm -rf "$work" && mkdir -p "$work"
labels=()
for spec in $REVISIONS; do
    label=${spec%%=*} rev=${spec#*=}
    labels+=("$label")
    tree=$(mktemp -d)/tree
    git worktree add -q --detach "$tree" "$rev"
    (cd "$tree" && ./mvnw -B -q -o compile -Dspotless.check.skip)
    mkdir -p "$work/$label"
    cp -r "$tree/target/classes" "$work/$label/classes"
    git worktree remove --force "$tree"
    javac -nowarn -d "$work/$label/bench" -cp "$work/$label/classes" bench/HistoryAppend.java
done
echo "== $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg); $ROUNDS rounds; revisions $REVISIONS" | tee "$work/runs.txt"
for shape in $SHAPES; do
    IFS=: read -r objects kept change <<<"$shape"
    for round in $(seq "$ROUNDS"); do
        shift_by=$(( (round - 1) % ${#labels[@]} ))
        for label in "${labels[@]:$shift_by}" "${labels[@]:0:$shift_by}"; do
            cp="$work/$label/classes:$work/$label/bench"
            file="$work/$label/$shape.history"
            [ -f "$file" ] || java -cp "$cp" HistoryAppend make "$file" "$objects" "$kept" "$change"
            echo "$shape $label $(java -cp "$cp" HistoryAppend append "$file" "$objects" "$kept" "$change")" | tee -a "$work/runs.txt"
        done
    done
done
echo "== load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/runs.txt"
python3 - "$work/runs.txt" "${labels[@]}" <<'PY' | tee "$work/results.md"
import collections, statistics, sys
runs = collections.defaultdict(lambda: collections.defaultdict(list))
shapes = []
for line in open(sys.argv[1]):
    if line.startswith("=="):
        continue
    shape, label, *fields = line.split()
    if shape not in shapes:
        shapes.append(shape)
    for f in fields:
        name, value = f.split("=")
        runs[(shape, label)][name].append(int(value))
labels = sys.argv[2:]
print("| objects:kept:% changing | revision | history (bytes) | read (ms) | add and write (ms) | add and write / " + labels[0] + " |")
print("|---|---|---|---|---|---|")
for shape in shapes:
    base = statistics.median(runs[(shape, labels[0])]["append"])
    for label in labels:
        r = runs[(shape, label)]
        append = statistics.median(r["append"])
        print(f"| {shape} | {label} | {int(statistics.median(r['bytes'])):,} | {statistics.median(r['read']):.0f} | {append:.0f} | {append / base:.2f} |")
PY
