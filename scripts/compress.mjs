#!/usr/bin/env node
// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip -9) beside every text file
// and the wasm of a built site, so a web server can send them as they are (nginx
// gzip_static/brotli_static, Apache with the rewrite rules in deploy/, the static server of
// the tests) instead of compressing on each request or, as nginx's default gzip_types does
// for wasm, not at all. Called by scripts/build-wasm.mjs after a release build, or by hand:
//   node scripts/compress.mjs [dir]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What is worth compressing: text and wasm; images and fonts are compressed already. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.csv', '.txt', '.md', '.json']);

/** Files a gemeente is told to replace (README, "Huisstijl"): a `.br` beside them would be
 * sent instead of the replacement, so they are never precompressed. */
export const REPLACEABLE = new Set(['thema.css']);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function compress(dir) {
  let written = 0;
  for (const path of files(dir)) {
    if (!COMPRESSIBLE.has(extname(path)) || REPLACEABLE.has(basename(path))) continue;
    const bytes = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }));
    writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    written += 1;
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  console.log(`compress: .br and .gz beside ${compress(dir)} files in ${dir}`);
}
