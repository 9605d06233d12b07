# Sourced by the benchmarks that compare plugin builds (REVISIONS="label=commit ..."), from the repository's root.
# install_revision LABEL COMMIT: builds COMMIT in a temporary worktree and installs it as
# <its version>-bench-LABEL-SNAPSHOT, so that it never replaces the 1.0.0-SNAPSHOT another build of this machine uses;
# with SKIP_BUILD set, only names the version an earlier run installed. Sets bench_version to that version.
install_revision() {
    local label=$1 rev=$2 own tree
    own=$(git show "$rev:pom.xml" | python3 -c 'import sys, xml.etree.ElementTree as t
print(t.parse(sys.stdin).getroot().find("{http://maven.apache.org/POM/4.0.0}version").text)')
    bench_version=${own%-SNAPSHOT}-bench-$label-SNAPSHOT
    if [ -z "${SKIP_BUILD:-}" ]; then
        tree=$(mktemp -d)/tree
        git worktree add -q --detach "$tree" "$rev"
        sed -i "0,/<version>$own<\/version>/s//<version>$bench_version<\/version>/" "$tree/pom.xml"
        (cd "$tree" && ./mvnw -B -q install -DskipTests -Dinvoker.skip -Dspotless.check.skip)
        git worktree remove --force "$tree"
    fi
}
