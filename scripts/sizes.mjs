// Transfer sizes of a built site: raw, gzip -9 and brotli -q 11 per file. Shared by the
// benchmark (scripts/bench.mjs) and the size budget check (scripts/check-size.mjs).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function sizes(dir) {
  // The .br and .gz beside a file are the same file as it travels, not files of their own.
  return files(dir).filter((path) => !/\.(br|gz)$/.test(path)).sort().map((path) => {
    const bytes = readFileSync(path);
    return {
      file: relative(dir, path),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}

export const total = (rows, key) => rows.reduce((s, r) => s + r[key], 0);
