#!/usr/bin/env bash
# Runs cloudfront:invalidate end to end, with no AWS account: builds the plugin, starts the bundled CloudFront
# emulator on a free loopback port, and runs `mvn deploy` on the sample site in demo/, waiting for completion.
set -euo pipefail
cd "$(dirname "$0")"

echo "== Building and installing the plugin (tests skipped; ./mvnw -B verify runs them)"
./mvnw -B -q install -DskipTests -Dinvoker.skip
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/demo-classpath.txt

port_file=target/demo-emulator.port
rm -f "$port_file"
java -cp "target/test-classes:$(cat target/demo-classpath.txt)" \
    io.github.cloudfrontmavenplugin.emulator.EmulatorMain \
    --port-file "$port_file" --completion-delay 5 --max-lifetime 300 &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    [ -s "$port_file" ] && break
    sleep 0.1
done
[ -s "$port_file" ] || { echo "The emulator did not start" >&2; exit 1; }
endpoint="http://127.0.0.1:$(cat "$port_file")"

echo "== mvn deploy on demo/ against the emulator at $endpoint"
# The emulator's example credentials; nothing here reads ~/.aws or reaches AWS.
env AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE \
    AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY \
    AWS_SESSION_TOKEN= AWS_PROFILE= AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
    AWS_EC2_METADATA_DISABLED=true \
    ./mvnw -B -f demo/pom.xml deploy -Dcloudfront.endpoint="$endpoint"

echo "== demo/target/invalidation.json (the shape 'aws cloudfront create-invalidation' prints)"
cat demo/target/invalidation.json
