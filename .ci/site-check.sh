#!/usr/bin/env bash
# Builds the site and checks that the goal pages document every parameter the plugin descriptor declares, that every
# page under src/site/markdown builds, that every page and file the README links exists (the pages as built), that the
# site pages' links into the repository resolve, and that the README stays short.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q site -Dinvoker.skip
descriptor=target/classes/META-INF/maven/plugin.xml
missing=0
for goal in invalidate sync rollback get-invalidation unlock history; do
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
for source in src/site/markdown/*.md; do
    page=target/site/$(basename "$source" .md).html
    [ -s "$page" ] || { echo "$source did not build into $page" >&2; missing=1; }
done
echo "$(ls src/site/markdown/*.md | wc -l) pages of src/site/markdown built"
# Relative links only; #fragments and URLs are not followed. A README link to a site page must name its source.
links_of() { grep -o '](\([^)]*\))' "$1" | sed 's/^](//; s/)$//; s/#.*//' | grep -v '^[a-z]*:\|^$' | sort -u || true; }
for target in $(links_of README.md); do
    [ -e "$target" ] || { echo "README.md links $target, which does not exist" >&2; missing=1; continue; }
    case "$target" in
        src/site/markdown/*.md)
            page=target/site/$(basename "$target" .md).html
            [ -s "$page" ] || { echo "README.md links $target, which did not build into $page" >&2; missing=1; } ;;
        src/site/*) echo "README.md links $target, which is not a page of src/site/markdown" >&2; missing=1 ;;
    esac
done
# The site pages link other pages by their .md name (the site turns it into .html) and the repository's files by a
# path from src/site/markdown (bench/, ...), which works on GitHub.
for source in src/site/markdown/*.md; do
    for target in $(links_of "$source"); do
        case "$target" in
            *.html) [ -s "target/site/$target" ] || { echo "$source links $target, which the site lacks" >&2; missing=1; } ;;
            *) [ -e "src/site/markdown/$target" ] || { echo "$source links $target, which does not exist" >&2; missing=1; } ;;
        esac
    done
done
# A #fragment into a page must name an id the built page has: GitHub's heading ids and the site's differ, so a link
# target carries its own (## <a id="cache-tags"></a>Cache tags).
for source in README.md src/site/markdown/*.md; do
    for link in $(grep -o '](\([^):]*#[^)]*\))' "$source" | sed 's/^](//; s/)$//' | sort -u || true); do
        file=${link%%#*}
        fragment=${link#*#}
        case "$file" in
            "") page=target/site/$(basename "$source" .md).html ;;
            *.md) page=target/site/$(basename "$file" .md).html ;;
            *) continue ;;
        esac
        [ "$source" = README.md ] && [ -z "$file" ] && continue
        grep -q "id=\"$fragment\"" "$page" || { echo "$source links $link, but $page has no id=\"$fragment\"" >&2; missing=1; }
    done
done
readme_lines=$(wc -l < README.md)
if [ "$readme_lines" -gt 150 ]; then
    echo "README.md has $readme_lines lines; keep it to 150 and move the depth to a page of src/site/markdown" >&2
    missing=1
else
    echo "README.md has $readme_lines lines (at most 150)"
fi
exit $missing
