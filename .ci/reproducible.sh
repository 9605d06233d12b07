#!/usr/bin/env bash
# Builds the plugin twice from clean and checks that its jars and its SBOM are byte for byte the same
# (project.build.outputTimestamp fixes the timestamps; the rest must not vary).
set -euo pipefail
cd "$(dirname "$0")/.."
build() {
    ./mvnw -B -q clean package -DskipTests -Dinvoker.skip
    (cd target && sha256sum cloudfront-maven-plugin-*.jar cloudfront-maven-plugin-*-cyclonedx.json)
}
first=$(build)
second=$(build)
if [ "$first" != "$second" ]; then
    echo "The build is not reproducible:" >&2
    diff <(echo "$first") <(echo "$second") >&2 || true
    exit 1
fi
echo "Reproducible: two clean builds gave the same jars and SBOM:"
echo "$first"
