#!/usr/bin/env bash
# Builds the site and checks that the goal pages document every parameter the plugin descriptor declares.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q site -Dinvoker.skip
descriptor=target/classes/META-INF/maven/plugin.xml
missing=0
for goal in invalidate sync get-invalidation unlock; do
    page=target/site/${goal}-mojo.html
    [ -f "$page" ] || { echo "No goal page $page" >&2; exit 1; }
    # The editable parameters of this goal, from its <mojo> block of the descriptor.
    params=$(awk -v goal="$goal" '
        /<mojo>/ { inmojo = 1; name = ""; next }
        inmojo && /<goal>/ { gsub(/.*<goal>|<\/goal>.*/, ""); name = $0 }
        inmojo && /<parameter>/ { inparam = 1; pname = ""; editable = "true" }
        inmojo && inparam && /<name>/ { gsub(/.*<name>|<\/name>.*/, ""); pname = $0 }
        inmojo && inparam && /<editable>/ { gsub(/.*<editable>|<\/editable>.*/, ""); editable = $0 }
        inmojo && /<\/parameter>/ { if (name == goal && editable == "true" && pname != "") print pname; inparam = 0 }
        /<\/mojo>/ { inmojo = 0 }' "$descriptor")
    [ -n "$params" ] || { echo "No parameters found for $goal in $descriptor" >&2; exit 1; }
    for param in $params; do
        if ! grep -q "<a name=\"$param\">\|id=\"$param\"\|>$param<" "$page"; then
            echo "$page does not document <$param>" >&2
            missing=1
        fi
    done
    echo "$page documents $(echo "$params" | wc -w) parameters"
done
for page in usage iam team; do
    [ -s "target/site/$page.html" ] || { echo "No $page page" >&2; exit 1; }
done
exit $missing
