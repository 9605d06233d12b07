#!/usr/bin/env bash
# The release a maintainer would publish, built and checked without any secret: a throwaway GPG key made here (in a
# temporary GNUPGHOME, gone at the end) signs it, and the Central Portal plugin builds the bundle without uploading it
# (-DskipUpload). The build runs in a copy of this checkout whose version drops -SNAPSHOT, as the release commit's
# does (a snapshot is never bundled: the plugin sends it to the snapshot repository instead). Then
# .ci/check-bundle.py checks what Central checks (every file signed and summed; POM metadata; sources and javadoc)
# and what a release of ours carries (license texts, THIRD-PARTY.txt, SBOM), and its self-test shows that the check
# refuses a bundle with any one of those removed. Tests and the format check are skipped: .ci/run runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS

work=$(mktemp -d)
export GNUPGHOME=$work/gnupg
cleanup() {
    gpgconf --kill gpg-agent 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -m 700 "$GNUPGHOME"

echo "== A throwaway signing key (GNUPGHOME=$GNUPGHOME)"
passphrase=$(head -c 18 /dev/urandom | base64)
gpg --batch --quiet --pinentry-mode loopback --passphrase "$passphrase" \
    --quick-gen-key 'cloudfront-maven-plugin release check <release-check@example.invalid>' ed25519 sign 1d
fingerprint=$(gpg --batch --with-colons --list-secret-keys | awk -F: '/^fpr:/ { print $10; exit }')
echo "Key $fingerprint"

echo "== The release bundle, signed with it (-Prelease deploy -DskipUpload, tests skipped)"
copy=$work/src
mkdir "$copy"
# Tracked and new files as they are in this checkout (not only what is committed); a deleted one is skipped.
git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - 2>/dev/null |
    tar -xf - -C "$copy"
snapshot=$(sed -n '0,/<version>/s|.*<version>\(.*\)</version>.*|\1|p' pom.xml)
release=${snapshot%-SNAPSHOT}
sed -i "0,/<version>$snapshot<\/version>/s//<version>$release<\/version>/" "$copy/pom.xml"
(
    cd "$copy"
    MAVEN_GPG_KEY=$(gpg --batch --pinentry-mode loopback --passphrase "$passphrase" --armor --export-secret-keys "$fingerprint") \
        MAVEN_GPG_PASSPHRASE=$passphrase \
        ./mvnw -B -q -Prelease deploy -DskipTests -Dinvoker.skip -Dspotless.check.skip -DskipUpload=true \
            -Dmaven.install.skip=true
)
bundle=$copy/target/central-publishing/central-bundle.zip
[ -f "$bundle" ] || { echo "The Central Portal plugin built no bundle at $bundle" >&2; exit 1; }

echo "== Checking the bundle of $release, then broken copies of it"
python3 .ci/check-bundle.py "$bundle" "$GNUPGHOME" "$fingerprint" "$passphrase" --self-test
echo "Release check passed in $((SECONDS - start)) s."
