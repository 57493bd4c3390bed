#!/usr/bin/env node
// Replaces the block a script writes in a Markdown file, between its markers
//   <!-- NAME:start … -->  …  <!-- NAME:end -->
// with the text in the environment variable REPORT (which holds both markers). Without the
// block, the report goes before the heading given as the third argument, else at the end.
//   REPORT="…" node scripts/replace-block.mjs BENCHMARKS.md bench ['## Notes']
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const [file, name, before] = process.argv.slice(2);
const report = process.env.REPORT;
if (!file || !name || !report) {
  console.error('usage: REPORT=… node scripts/replace-block.mjs <file> <name> [heading]');
  process.exit(2);
}
const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
const block = new RegExp(`<!-- ${name}:start[\\s\\S]*?<!-- ${name}:end -->`);
let out;
if (block.test(text)) out = text.replace(block, () => report);
else if (before && text.includes(`\n${before}`)) out = text.replace(`\n${before}`, () => `\n${report}\n\n${before}`);
else out = `${text.trimEnd()}\n\n${report}\n`;
writeFileSync(file, out);
