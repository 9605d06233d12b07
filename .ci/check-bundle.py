#!/usr/bin/env python3
"""Checks a Maven Central bundle (the zip central-publishing-maven-plugin builds) as Central would, and more.

    check-bundle.py BUNDLE.zip GNUPGHOME FINGERPRINT PASSPHRASE [--self-test]

Checks: the files Central requires are there (POM, jar, sources jar, javadoc jar) with the SBOM; every file has a
signature (.asc) that `gpg --verify` accepts as made by FINGERPRINT, and an .md5 and a .sha1 that match it (any other
checksum present must match too); nothing else is in the bundle (no local-repository files); the POM names a release
version and has name, description, url, licenses, developers and scm; the sources jar holds sources and the javadoc
jar an index.html; the plugin jar carries META-INF/LICENSE, NOTICE and THIRD-PARTY.txt, a license text under
META-INF/licenses/<artifactId>/ for every library THIRD-PARTY.txt lists, and the SBOM lists every one of them.

--self-test then checks copies of the bundle with one thing removed or broken each (re-signed and re-summed where
needed, so that only that thing is wrong) and fails unless every copy is refused.
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}
CHECKSUMS = {".md5": "md5", ".sha1": "sha1", ".sha256": "sha256", ".sha512": "sha512"}
REQUIRED_CHECKSUMS = (".md5", ".sha1")


class Bundle:
    def __init__(self, root):
        self.root = root
        poms = [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".pom")]
        if len(poms) != 1:
            raise SystemExit(f"expected one POM in the bundle, found {len(poms)}")
        self.dir = os.path.dirname(poms[0])
        self.base = os.path.basename(poms[0])[: -len(".pom")]

    def path(self, suffix):
        return os.path.join(self.dir, self.base + suffix)


def gpg(home, *args, check=True):
    return subprocess.run(["gpg", "--homedir", home, "--batch", *args], capture_output=True, text=True, check=check)


def digest(path, alg):
    h = hashlib.new(alg)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def check(bundle_root, home, fingerprint):
    """Returns the list of problems found; empty when the bundle is one Central accepts."""
    problems = []
    b = Bundle(bundle_root)
    rel = lambda p: os.path.relpath(p, bundle_root)

    for d, _, fs in os.walk(bundle_root):
        for f in fs:
            if d != b.dir:
                problems.append(f"{rel(os.path.join(d, f))}: not part of the component (a local-repository file?)")
    names = set(os.listdir(b.dir))
    for suffix, what in ((".pom", "the POM"), (".jar", "the plugin jar"), ("-sources.jar", "the sources jar"),
                         ("-javadoc.jar", "the javadoc jar"), ("-cyclonedx.json", "the CycloneDX SBOM")):
        if b.base + suffix not in names:
            problems.append(f"{b.base + suffix} is missing: Central requires {what}" if suffix != "-cyclonedx.json"
                            else f"{b.base + suffix} is missing: {what} is published with every release")

    for name in sorted(names):
        path = os.path.join(b.dir, name)
        ext = os.path.splitext(name)[1]
        if ext in CHECKSUMS:
            target = path[: -len(ext)]
            if not os.path.exists(target):
                problems.append(f"{name}: checksum of a file that is not there")
            else:
                with open(path) as f:
                    text = f.read().split()
                if not text or text[0].lower() != digest(target, CHECKSUMS[ext]):
                    problems.append(f"{name} does not match {os.path.basename(target)}")
            continue
        if ext == ".asc":
            if not os.path.exists(path[: -len(".asc")]):
                problems.append(f"{name}: signature of a file that is not there")
            continue
        # A file of the component: signed by the release key, with the checksums Central requires.
        for required in REQUIRED_CHECKSUMS:
            if name + required not in names:
                problems.append(f"{name}{required} is missing: Central requires an MD5 and a SHA-1 for every file")
        if name + ".asc" not in names:
            problems.append(f"{name}.asc is missing: Central requires a signature for every file")
        else:
            v = gpg(home, "--status-fd", "1", "--verify", path + ".asc", path, check=False)
            if v.returncode != 0 or f"VALIDSIG {fingerprint}" not in v.stdout:
                problems.append(f"{name}.asc: gpg --verify does not accept it as {fingerprint}'s signature of {name}")

    problems += check_pom(b)
    problems += check_jars(b)
    return problems


def check_pom(b):
    problems = []
    if not os.path.exists(b.path(".pom")):
        return problems
    pom = ET.parse(b.path(".pom")).getroot()
    text = lambda xpath: (pom.findtext(xpath, default="", namespaces=POM_NS) or "").strip()
    for field in ("groupId", "artifactId", "version", "name", "description", "url"):
        if not text(f"m:{field}"):
            problems.append(f"the POM has no <{field}>: Central requires it")
    if text("m:version").endswith("-SNAPSHOT"):
        problems.append(f"the POM's version {text('m:version')} is a snapshot: Central takes releases only")
    if not text("m:licenses/m:license/m:name"):
        problems.append("the POM has no <licenses><license><name>: Central requires the license")
    if not (text("m:developers/m:developer/m:name") or text("m:developers/m:developer/m:id")):
        problems.append("the POM has no <developers><developer>: Central requires developer information")
    if not text("m:scm/m:url") or not text("m:scm/m:connection"):
        problems.append("the POM has no <scm> with <url> and <connection>: Central requires the SCM information")
    return problems


def check_jars(b):
    problems = []
    if os.path.exists(b.path("-sources.jar")):
        with zipfile.ZipFile(b.path("-sources.jar")) as z:
            if not any(n.endswith(".java") for n in z.namelist()):
                problems.append("the sources jar holds no .java file")
    if os.path.exists(b.path("-javadoc.jar")):
        with zipfile.ZipFile(b.path("-javadoc.jar")) as z:
            if "index.html" not in z.namelist():
                problems.append("the javadoc jar has no index.html")
    if not os.path.exists(b.path(".jar")):
        return problems
    with zipfile.ZipFile(b.path(".jar")) as z:
        entries = set(z.namelist())
        for required in ("META-INF/LICENSE", "META-INF/NOTICE", "META-INF/THIRD-PARTY.txt"):
            if required not in entries:
                problems.append(f"the plugin jar has no {required}")
        third_party = z.read("META-INF/THIRD-PARTY.txt").decode() if "META-INF/THIRD-PARTY.txt" in entries else ""
    # "     (Apache-2.0) Name (group:artifact:version - url)"
    bundled = re.findall(r"^\s+\((.+?)\) .* \(([^:\s]+):([^:\s]+):([^:\s]+) - ", third_party, re.M)
    if third_party and not bundled:
        problems.append("META-INF/THIRD-PARTY.txt lists no library")
    for licenses, group, artifact, version in bundled:
        if not any(e.startswith(f"META-INF/licenses/{artifact}/") and not e.endswith("/") for e in entries):
            problems.append(f"the plugin jar has no license text of {group}:{artifact} ({licenses}) under "
                            f"META-INF/licenses/{artifact}/")
    if os.path.exists(b.path("-cyclonedx.json")):
        try:
            with open(b.path("-cyclonedx.json")) as f:
                sbom = json.load(f)
            listed = {(c.get("group"), c.get("name"), c.get("version")) for c in sbom.get("components", [])}
            if sbom.get("bomFormat") != "CycloneDX":
                problems.append("the SBOM is not a CycloneDX document")
            for _, group, artifact, version in bundled:
                if (group, artifact, version) not in listed:
                    problems.append(f"the SBOM does not list the bundled {group}:{artifact}:{version}")
        except ValueError as e:
            problems.append(f"the SBOM is not JSON: {e}")
    return problems


# ---- self-test: each mutation breaks one thing; the check must refuse every one.

def resign(b, home, fingerprint, passphrase, name):
    """Signs and sums a file anew, so that the copy differs from a good bundle in the one thing the mutation meant."""
    path = os.path.join(b.dir, name)
    if os.path.exists(path + ".asc"):
        os.remove(path + ".asc")
        gpg(home, "--pinentry-mode", "loopback", "--passphrase", passphrase, "--local-user", fingerprint,
            "--armor", "--detach-sign", "--output", path + ".asc", path)
    for ext, alg in CHECKSUMS.items():
        if os.path.exists(path + ext):
            with open(path + ext, "w") as f:
                f.write(digest(path, alg))


def remove_with_companions(b, name):
    for f in os.listdir(b.dir):
        if f == name or (f.startswith(name + ".") and os.path.splitext(f)[1] in (".asc", *CHECKSUMS)):
            os.remove(os.path.join(b.dir, f))


def drop_pom_element(tag):
    def mutate(b, resign_file):
        with open(b.path(".pom")) as f:
            text = f.read()
        # The project's own element: the first at two spaces' indentation (the POM is Maven's own formatting).
        new, n = re.subn(rf"\n  <{tag}>.*?</{tag}>", "", text, count=1, flags=re.S)
        if n != 1:
            raise SystemExit(f"self-test: no <{tag}> to remove from the POM")
        with open(b.path(".pom"), "w") as f:
            f.write(new)
        resign_file(b.base + ".pom")
    return mutate


def drop_jar_entries(prefix):
    def mutate(b, resign_file):
        src = b.path(".jar")
        tmp = src + ".tmp"
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
            dropped = 0
            for info in zin.infolist():
                if info.filename.startswith(prefix):
                    dropped += 1
                    continue
                zout.writestr(info, zin.read(info.filename))
        if not dropped:
            raise SystemExit(f"self-test: no {prefix} in the jar")
        os.replace(tmp, src)
        resign_file(b.base + ".jar")
    return mutate


def tamper_jar(b, resign_file):
    with open(b.path(".jar"), "ab") as f:
        f.write(b"\0")
    # Checksums made anew, the signature kept: only the signature no longer matches.
    for ext, alg in CHECKSUMS.items():
        if os.path.exists(b.path(".jar" + ext)):
            with open(b.path(".jar" + ext), "w") as f:
                f.write(digest(b.path(".jar"), alg))


MUTATIONS = [
    ("the jar's signature removed", lambda b, r: os.remove(b.path(".jar.asc"))),
    ("the POM's signature removed", lambda b, r: os.remove(b.path(".pom.asc"))),
    ("the jar changed after signing (signature no longer matches)", tamper_jar),
    ("the jar's .md5 removed", lambda b, r: os.remove(b.path(".jar.md5"))),
    ("the sources jar's .sha1 removed", lambda b, r: os.remove(b.path("-sources.jar.sha1"))),
    ("a wrong .sha1 for the POM", lambda b, r: open(b.path(".pom.sha1"), "w").write("0" * 40)),
    ("the sources jar removed (with its .asc and checksums)", lambda b, r: remove_with_companions(b, b.base + "-sources.jar")),
    ("the javadoc jar removed (with its .asc and checksums)", lambda b, r: remove_with_companions(b, b.base + "-javadoc.jar")),
    ("the SBOM removed (with its .asc and checksums)", lambda b, r: remove_with_companions(b, b.base + "-cyclonedx.json")),
    *[(f"the POM's <{tag}> removed (POM re-signed)", drop_pom_element(tag))
      for tag in ("name", "description", "url", "licenses", "developers", "scm")],
    ("a bundled library's license text removed from the jar (jar re-signed)",
     drop_jar_entries("META-INF/licenses/reactive-streams/")),
    ("META-INF/THIRD-PARTY.txt removed from the jar (jar re-signed)", drop_jar_entries("META-INF/THIRD-PARTY.txt")),
]


def main():
    args = sys.argv[1:]
    self_test = "--self-test" in args
    args = [a for a in args if a != "--self-test"]
    if len(args) != 4:
        raise SystemExit(__doc__)
    bundle_zip, home, fingerprint, passphrase = args
    work = tempfile.mkdtemp(prefix="bundle-check-")
    try:
        good = os.path.join(work, "good")
        with zipfile.ZipFile(bundle_zip) as z:
            z.extractall(good)
        b = Bundle(good)
        problems = check(good, home, fingerprint)
        files = sorted(os.listdir(b.dir))
        if problems:
            print(f"{bundle_zip}: Central would not accept it or it lacks what a release carries:", file=sys.stderr)
            for p in problems:
                print(f"  - {p}", file=sys.stderr)
            return 1
        print(f"{bundle_zip}: {len(files)} files in {os.path.relpath(b.dir, good)}, all signed by {fingerprint} "
              f"and summed, POM metadata, sources, javadoc, license texts and SBOM complete:")
        for f in files:
            print(f"  {f}")
        if not self_test:
            return 0
        print("Self-test: each copy below has one thing removed or broken; the check must refuse it.")
        missed = 0
        for i, (what, mutate) in enumerate(MUTATIONS):
            copy = os.path.join(work, f"mutant-{i}")
            shutil.copytree(good, copy)
            cb = Bundle(copy)
            mutate(cb, lambda name: resign(cb, home, fingerprint, passphrase, name))
            found = check(copy, home, fingerprint)
            if found:
                print(f"  refused, as it must be: {what}\n      -> {found[0]}" + (
                    f" (and {len(found) - 1} more)" if len(found) > 1 else ""))
            else:
                print(f"  ACCEPTED, the check is blind to: {what}", file=sys.stderr)
                missed += 1
        if missed:
            return 1
        print(f"Self-test: all {len(MUTATIONS)} broken copies refused.")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
