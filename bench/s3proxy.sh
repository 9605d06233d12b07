# Sourced by the benchmarks that run against S3Proxy (an S3 implementation we did not write).
# start_s3proxy WORK PORT: starts S3Proxy in memory on 127.0.0.1:PORT with the credentials in AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, its properties and log in WORK; sets s3proxy_pid. The jar is target/s3proxy/s3proxy.jar,
# which bench/sync-vs-awscli.sh fetches.
start_s3proxy() {
    cat >"$1/s3proxy.properties" <<PROPERTIES
s3proxy.endpoint=http://127.0.0.1:$2
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$AWS_ACCESS_KEY_ID
s3proxy.credential=$AWS_SECRET_ACCESS_KEY
s3proxy.ignore-unknown-headers=true
jclouds.provider=transient-nio2
jclouds.identity=identity
jclouds.credential=credential
PROPERTIES
    java -Xmx2g -jar target/s3proxy/s3proxy.jar --properties "$1/s3proxy.properties" >"$1/s3proxy.log" 2>&1 &
    s3proxy_pid=$!
}
