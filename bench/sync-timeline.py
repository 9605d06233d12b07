#!/usr/bin/env python3
"""Where the plugin's time goes in the runs of bench/sync-vs-awscli.sh: for each run of the plugin, its log lines
(Maven's timestamps) beside the requests that bench/DelayProxy.java logged while it ran.

Usage: bench/sync-timeline.py [WORK] [CASE...]   (WORK defaults to target/bench-sync; CASE to real-release)

For each run, seconds from the goal's `--- cloudfront:…:sync` line:
  first request   the first request at the proxy (the deploy lock, or the manifest)
  listing         the first ListObjectsV2 of the site's bucket, and the end of the last answer; how many pages
  compared        "Compared … with the manifest" (the site hashed, the manifest read)
  publishing      "Publishing to …": the plan made (PlanUploads: the listing awaited, the plan, its report)
  PUTs            the first PUT of the site's bucket and the end of the last answer
  deletes         the last DeleteObject(s) answer
  invalidation    "Created invalidation …" (the bundled emulator, not through the proxy)
  end             BUILD SUCCESS
Then the wire: the time in which at least one request was at the proxy or the server (busy), the sum of the server's
answer times (forwarded to the end of the answer), and the idle time of the wire inside the goal.
"""
import datetime
import os
import statistics
import sys

work = sys.argv[1] if len(sys.argv) > 1 else "target/bench-sync"
cases = sys.argv[2:] or ["real-release"]


def seconds_of_day(stamp):
    t = datetime.datetime.strptime(stamp, "%H:%M:%S.%f")
    return t.hour * 3600 + t.minute * 60 + t.second + t.microsecond / 1e6


def log_events(path):
    wanted = {"start": "--- cloudfront:", "lock": "Took the deploy lock", "compared": "Compared ",
              "no manifest": "No manifest at", "publishing": "Publishing to ", "invalidation": "Created invalidation",
              "recorded": "Recorded this deploy", "end": "BUILD SUCCESS"}
    events = {}
    for line in open(path, errors="replace"):
        for name, text in wanted.items():
            if name not in events and text in line and line[:2].isdigit():
                events[name] = seconds_of_day(line.split(" ")[0])
    events.setdefault("compared", events.get("no manifest"))
    return events


def union(intervals):
    total, end = 0.0, None
    for a, b in sorted(intervals):
        if end is None or a > end:
            total += b - a
            end = b
        elif b > end:
            total += b - end
            end = b
    return total


rows = [line.rstrip("\n").split("\t") for line in open(os.path.join(work, "runs.tsv"))]
logs = {}
table = []
for case, network, tool, rnd, ms, requests, start, end, log, cpu in rows:
    if case not in cases or not tool.startswith("plugin"):
        continue
    # The paths as the bench wrote them, found in WORK: a copy of the work directory reads as well as the original.
    requests, log = os.path.join(work, os.path.basename(requests)), os.path.join(work, os.path.basename(log))
    if requests not in logs:
        logs[requests] = [l.rstrip("\n").split("\t") for l in open(requests)]
    ev = log_events(log)
    t0 = ev["start"]
    day = lambda ms_epoch: (int(ms_epoch) / 1000.0) % 86400 - t0
    exchanges = [e for e in logs[requests][int(start):int(end)] if int(e[7]) >= 0]
    site = "/bench-plugin"
    listing = [e for e in exchanges if e[5] == "GET" and e[6].startswith(site) and "list-type=2" in e[6]]
    puts = [e for e in exchanges if e[5] == "PUT" and e[6].startswith(site + "/")]
    deletes = [e for e in exchanges if (e[5] == "DELETE" or (e[5] == "POST" and "delete" in e[6]))
               and e[6].startswith(site)]
    # Where several builds or settings ran (REVISIONS, VARIANTS), each run's round is named with its contender.
    row = dict(case=case, network=network, round=rnd if tool == "plugin" else f"{tool} {rnd}", tool=tool,
               requests=len(exchanges),
               first=day(min(int(e[0]) for e in exchanges)) if exchanges else None,
               list_from=day(min(int(e[0]) for e in listing)) if listing else None,
               list_to=day(max(int(e[3]) for e in listing)) if listing else None, pages=len(listing),
               compared=ev["compared"] - t0 if ev.get("compared") else None,
               publishing=ev["publishing"] - t0 if "publishing" in ev else None,
               put_from=day(min(int(e[0]) for e in puts)) if puts else None,
               put_to=day(max(int(e[3]) for e in puts)) if puts else None, puts=len(puts),
               del_to=day(max(int(e[3]) for e in deletes)) if deletes else None,
               invalidation=ev["invalidation"] - t0 if "invalidation" in ev else None,
               end=ev["end"] - t0,
               busy=union([(int(e[0]) / 1000, int(e[3]) / 1000) for e in exchanges]),
               server=sum(int(e[3]) - int(e[1]) for e in exchanges) / 1000,
               put_server=sum(int(e[3]) - int(e[1]) for e in puts) / 1000,
               list_server=sum(int(e[3]) - int(e[1]) for e in listing) / 1000)
    row["idle"] = row["end"] - row["busy"]
    table.append(row)

fmt = lambda v: "" if v is None else f"{v:.2f}"
cols = ["first", "list_from", "list_to", "compared", "publishing", "put_from", "put_to", "del_to", "invalidation",
        "end", "busy", "idle", "server", "put_server", "list_server"]
print("| case | network | round | requests | pages | PUTs | first request | listing from | listing to | compared"
      " | publishing | first PUT | last PUT answered | last delete answered | invalidation | BUILD SUCCESS"
      " | wire busy | wire idle | server time, all | server time, PUTs | server time, listing |")
print("|" + "---|" * 21)
for r in table:
    print(f"| {r['case']} | {r['network']} | {r['round']} | {r['requests']} | {r['pages']} | {r['puts']} | "
          + " | ".join(fmt(r[c]) for c in cols) + " |")
for case in cases:
    for network in dict.fromkeys(r["network"] for r in table):
        for tool in dict.fromkeys(r["tool"] for r in table):
            runs = [r for r in table if (r["case"], r["network"], r["tool"]) == (case, network, tool)]
            if runs:
                med = {c: statistics.median(r[c] for r in runs if r[c] is not None) for c in cols
                       if any(r[c] is not None for r in runs)}
                name = "median" if tool == "plugin" else f"{tool} median"
                print(f"| {case} | {network} | {name} | | | | " + " | ".join(fmt(med.get(c)) for c in cols) + " |")


# A JFR recording beside a run's log (<log>.jfr; bench/sync-vs-awscli.sh writes one with JFR=1): what the JVM did in
# each phase of the goal. Samples are jdk.ExecutionSample (Java code running); JIT is the growth of the compilers' total
# time (jdk.CompilerStatistics), classes of loadedClassCount, CPU the mean of jdk.CPULoad (this JVM, and the machine).
import re
import subprocess
from collections import Counter, defaultdict

CATEGORIES = [("hashing", ("sun.security.provider.", "java.security.MessageDigest", "io.github.cloudfrontmavenplugin"
                           ".diff.ContentHasher")),
              ("class loading", ("java.lang.ClassLoader", "jdk.internal.loader.", "java.util.zip.", "java.util.jar.",
                                 "org.codehaus.plexus.classworlds.", "jdk.internal.jimage.", "java.lang.invoke.",
                                 "jdk.internal.misc.Unsafe.defineClass", "java.lang.Class.")),
              ("AWS SDK", ("software.amazon.awssdk.",)),
              ("HttpClient", ("org.apache.hc.",)),
              ("the plugin", ("io.github.cloudfrontmavenplugin.",)),
              ("Maven", ("org.apache.maven.", "org.eclipse.", "org.codehaus.", "com.google.inject.", "org.sonatype.")),
              ("I/O", ("sun.nio.", "java.io.", "java.nio.", "sun.net.", "java.net.")),
              ("JDK, other", ("java.", "jdk.", "sun.", "com.sun."))]


def category(frames):
    # The deepest frame that names a library says whose work it is; hashing wins wherever it is on the stack.
    for frame in frames:
        for prefix in CATEGORIES[0][1]:
            if frame.startswith(prefix):
                return "hashing"
    for frame in frames:
        for name, prefixes in CATEGORIES[1:]:
            if name in ("I/O", "JDK, other"):
                continue
            if frame.startswith(prefixes):
                return name
    for name, prefixes in CATEGORIES[-2:]:
        if frames and frames[0].startswith(prefixes):
            return name
    return "other"


def jfr_events(path):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample,jdk.CPULoad,jdk.CompilerStatistics,"
                           "jdk.ClassLoadingStatistics", "--stack-depth", "64", path], capture_output=True,
                          text=True, check=True).stdout
    samples, stats = [], []
    for block in text.split("\n}\n"):
        head = block.strip().split(" ", 1)[0]
        at = re.search(r"startTime = (\S+)", block)
        if not at:
            continue
        t = seconds_of_day(at.group(1))
        if head == "jdk.ExecutionSample":
            thread = re.search(r'sampledThread = "([^"]*)"', block).group(1)
            frames = re.findall(r"^\s{4}(\S+?)\(", block, re.M)
            samples.append((t, thread, frames))
        else:
            values = dict(re.findall(r"^\s+(\w+) = (.+)$", block, re.M))
            stats.append((t, head, values))
    return samples, stats


def thread_group(name):
    name = re.sub(r"[-#]?\d+$", "", name)
    return name or "?"


def seconds(value):
    number, unit = value.split(" ")
    return float(number) * {"s": 1, "ms": 1e-3, "us": 1e-6, "ns": 1e-9, "m": 60}.get(unit, 1)


def profile(r, jfr):
    samples, stats = jfr_events(jfr)
    t0 = r["t0"]
    marks = [("JVM start", min(s[0] for s in samples) - t0), ("goal start", 0.0), ("first request", r["first"]),
             ("last listing answer", r["list_to"]), ("Publishing", r["publishing"]), ("last PUT answer", r["put_to"]),
             ("BUILD SUCCESS", r["end"])]
    marks = [(n, v) for n, v in marks if v is not None]
    print(f"\n### {r['case']}, {r['network']}, round {r['round']}: {os.path.basename(jfr)}\n")
    print("| phase | seconds | samples (Java) | by thread | by whose code | top methods (first plugin frame, else top"
          " frame) | JIT | classes loaded | CPU of this JVM / machine |")
    print("|---|---|---|---|---|---|---|---|---|")
    for (a_name, a), (b_name, b) in zip(marks, marks[1:]):
        inside = [s for s in samples if a <= s[0] - t0 < b]
        threads = Counter(thread_group(s[1]) for s in inside)
        whose = Counter(category(s[2]) for s in inside)
        tops = Counter()
        for _, _, frames in inside:
            mine = next((f for f in frames if f.startswith("io.github.cloudfrontmavenplugin.")), None)
            tops[mine or (frames[0] if frames else "?")] += 1
        def growth(kind, key, parse):
            values = [(t - t0, parse(v[key])) for t, k, v in stats if k == kind and key in v]
            before = [v for t, v in values if t <= a]
            after = [v for t, v in values if t >= b] or [v for t, v in values if t > a]
            return None if not after else after[0] - (before[-1] if before else 0)
        jit = growth("jdk.CompilerStatistics", "totalTimeSpent", seconds)
        classes = growth("jdk.ClassLoadingStatistics", "loadedClassCount", lambda v: int(v.replace(",", "")))
        loads = [v for t, k, v in stats if k == "jdk.CPULoad" and a <= t - t0 <= b + 1]
        cpu = ("" if not loads else "%.0f %% / %.0f %%" % (
            statistics.mean(float(v["jvmUser"].rstrip("%")) + float(v["jvmSystem"].rstrip("%")) for v in loads),
            statistics.mean(float(v["machineTotal"].rstrip("%")) for v in loads)))
        short = lambda f: re.sub(r"^io\.github\.cloudfrontmavenplugin\.", "", f)
        print(f"| {a_name} → {b_name} | {b - a:.2f} | {len(inside)} | "
              + ", ".join(f"{k} {v}" for k, v in threads.most_common(4)) + " | "
              + ", ".join(f"{k} {v}" for k, v in whose.most_common(5)) + " | "
              + "; ".join(f"{short(k)} {v}" for k, v in tops.most_common(4)) + " | "
              + ("" if jit is None else f"{jit:.2f} s") + " | " + ("" if classes is None else f"{classes:,}")
              + f" | {cpu} |")


for r, (case, network, tool, rnd, ms, requests, start, end, log, cpu) in zip(table, [
        row for row in rows if row[0] in cases and row[2].startswith("plugin")]):
    jfr = os.path.join(work, os.path.basename(log)[:-4] + ".jfr")
    if os.path.exists(jfr):
        r["t0"] = log_events(os.path.join(work, os.path.basename(log)))["start"]
        profile(r, jfr)
