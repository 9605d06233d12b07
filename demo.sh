#!/usr/bin/env bash
# Runs cloudfront:invalidate and cloudfront:sync end to end, with no AWS account: builds the plugin, starts the bundled
# CloudFront and S3 emulators on free loopback ports, runs `mvn deploy` on the sample site in demo/, waiting for
# completion; then syncs the site to the emulated bucket twice, the second time after changing one file.
set -euo pipefail
cd "$(dirname "$0")"

echo "== Building and installing the plugin (tests skipped; ./mvnw -B verify runs them)"
./mvnw -B -q install -DskipTests -Dinvoker.skip
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/demo-classpath.txt

port_file=target/demo-emulator.port
s3_port_file=target/demo-s3.port
rm -f "$port_file" "$s3_port_file"
java -cp "target/test-classes:$(cat target/demo-classpath.txt)" \
    io.github.cloudfrontmavenplugin.emulator.EmulatorMain \
    --port-file "$port_file" --s3-port-file "$s3_port_file" --completion-delay 5 --max-lifetime 300 &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    [ -s "$port_file" ] && [ -s "$s3_port_file" ] && break
    sleep 0.1
done
[ -s "$port_file" ] || { echo "The emulator did not start" >&2; exit 1; }
endpoint="http://127.0.0.1:$(cat "$port_file")"
s3_endpoint="http://127.0.0.1:$(cat "$s3_port_file")"

echo "== mvn deploy on demo/ against the emulator at $endpoint"
# The emulator's example credentials; nothing here reads ~/.aws or reaches AWS.
emulated() {
    env AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE \
        AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY \
        AWS_SESSION_TOKEN= AWS_PROFILE= AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
        AWS_EC2_METADATA_DISABLED=true "$@"
}
emulated ./mvnw -B -f demo/pom.xml deploy -Dcloudfront.endpoint="$endpoint"

echo "== demo/target/invalidation.json (the shape 'aws cloudfront create-invalidation' prints)"
cat demo/target/invalidation.json

echo "== mvn deploy with cloudfront:sync: the first sync uploads the whole site and invalidates /*"
rm -rf demo/target/sync-site
mkdir -p demo/target
cp -R demo/site demo/target/sync-site
emulated ./mvnw -B -f demo/sync-pom.xml deploy -Dcloudfront.endpoint="$endpoint" \
    -Dcloudfront.s3Endpoint="$s3_endpoint" | grep -E 'No manifest|Publishing|Created invalidation|Uploaded'

echo "== after changing css/site.css: the second sync uploads that one file and invalidates /css/site.css"
echo "/* changed */" >> demo/target/sync-site/css/site.css
emulated ./mvnw -B -f demo/sync-pom.xml deploy -Dcloudfront.endpoint="$endpoint" \
    -Dcloudfront.s3Endpoint="$s3_endpoint" | grep -E 'Compared|Publishing|Created invalidation|Uploaded'
