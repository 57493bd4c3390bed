#!/usr/bin/env node
// Splits the calculator's wasm into a first load and lazily loaded chunks, puts them into
// the site Trunk is assembling, and compresses the site. Run by Trunk as its post_build hook
// (Trunk.toml), after Trunk has compiled the program and run wasm-bindgen on it whole.
//
// Trunk cannot split: wasm-bindgen must run after the split, with `--keep-lld-exports`
// (trunk-rs/trunk#1022). So this script takes the program Trunk compiled (linked with
// `--emit-relocs`, build.rs) and does the rest of the pipeline of docs/wasm-splitting.md:
//   1. wasm-split-cli: the main module, one module per split point (`#[wasm_split]`
//      functions in src/ui/chunks.rs), shared chunks, and the loader `__wasm_split.js`;
//   2. wasm-bindgen on the main module (`--target web --keep-lld-exports`);
//   3. wasm-opt -Oz on every module (release only);
//   4. content hashes in every name, so a server may cache them for a year (README,
//      "Deploying"), the references between the files rewritten, Trunk's whole-program
//      JS and wasm removed, and index.html's placeholders (__MAIN_JS__, __MAIN_WASM__,
//      written by Trunk.toml's patterns) replaced by the main module's names;
//   5. .br and .gz beside every text file and the wasm (scripts/compress.mjs; release only).
//
// WASM_NAMES=1 keeps the function names in every module (wasm-opt -g), for a CPU profile
// or twiggy; the files are then several times larger, so never for a site that is served.
//
//   node scripts/build-wasm.mjs                          (as the Trunk hook)
//   node scripts/build-wasm.mjs <site-dir> <release|debug>
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compress } from './compress.mjs';

const NAME = 'mee-frictiekosten';
const ROOT = new URL('..', import.meta.url).pathname;
const site = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
const profile = process.argv[3] ?? process.env.TRUNK_PROFILE ?? 'release';
if (!site) {
  console.error('build-wasm: give the site directory, or run as a Trunk hook');
  process.exit(2);
}
const release = profile === 'release';
const cargoTarget = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
const whole = join(cargoTarget, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${NAME}.wasm`);
const out = join(ROOT, 'target', 'wasm-split', profile);

/** Runs a tool, its output shown; a failure stops the build with the tool's own message. */
function run(command, args) {
  execFileSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

// 1. Split. The loader imports the main module's JS by this name (`--out-name`).
rmSync(out, { recursive: true, force: true });
const split = join(out, 'split');
mkdirSync(split, { recursive: true });
run('wasm-split-cli', [whole, split, '--out-name', NAME]);

// 2. wasm-bindgen on the main module; the chunks link against its exports.
const bindgen = join(out, 'bindgen');
run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
  ...(release ? [] : ['--debug', '--keep-debug']),
  '--out-dir', bindgen, '--out-name', NAME, join(split, `${NAME}.wasm`)]);

// 2b. Leptos depends on server_fn, which depends on wasm-streams, whose `#[wasm_bindgen]`
// classes (IntoUnderlyingSource, …Sink, …ByteSource) are exported from every build: a
// client-side app never uses them, but exports are roots that no optimiser may remove. Their
// exports go, and their JS classes with them, so wasm-opt drops the code (4 KB brotli).
const UNUSED_EXPORT = /intounderlying/i;
const mainWasmPath = join(bindgen, `${NAME}_bg.wasm`);
writeFileSync(mainWasmPath, dropExports(readFileSync(mainWasmPath), (name) => UNUSED_EXPORT.test(name)));
{
  const jsPath = join(bindgen, `${NAME}.js`);
  let js = readFileSync(jsPath, 'utf8');
  js = js.replace(/export class IntoUnderlying\w+ \{[\s\S]*?\n\}\nif \(Symbol\.dispose\) IntoUnderlying\w+\.prototype\[Symbol\.dispose\] = IntoUnderlying\w+\.prototype\.free;\n/g, '');
  js = js.replace(/const IntoUnderlying\w+Finalization = \(typeof FinalizationRegistry === 'undefined'\)\n[^\n]*\n[^\n]*\n/g, '');
  if (UNUSED_EXPORT.test(js)) throw new Error('build-wasm: wasm-streams classes left in the JS after removing them; check the patterns');
  writeFileSync(jsPath, js);
}

// 3. Optimise each module for size. The features are those Rust 1.95 emits for wasm32 (the
// split modules carry no target-features section for wasm-opt to read).
const modules = [join(bindgen, `${NAME}_bg.wasm`),
  ...readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`).map((f) => join(split, f))];
if (release) {
  const features = ['--enable-bulk-memory', '--enable-mutable-globals', '--enable-multivalue',
    '--enable-nontrapping-float-to-int', '--enable-reference-types', '--enable-sign-ext'];
  const names = process.env.WASM_NAMES === '1' ? ['-g'] : [];
  for (const module of modules) run('wasm-opt', ['-Oz', '--converge', ...names, ...features, module, '-o', module]);
}

// 4. Content-hashed names. The chunks first; then the loader, which names them, and the
// main JS, which imports the loader while the loader imports it: those two name each other,
// so they share one hash of both their contents.
const hash = (...parts) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest('hex').slice(0, 16);
};
const written = [];
const put = (name, bytes) => {
  writeFileSync(join(site, name), bytes);
  written.push(name);
};
let loader = readFileSync(join(split, '__wasm_split.js'), 'utf8');
let mainJs = readFileSync(join(bindgen, `${NAME}.js`), 'utf8');
const mainWasm = readFileSync(join(bindgen, `${NAME}_bg.wasm`));
for (const file of readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`)) {
  const bytes = readFileSync(join(split, file));
  // split_kaart.wasm → chunk-kaart-<hash>.wasm; chunk_3.wasm → chunk-shared-3-<hash>.wasm
  const stem = file.replace(/\.wasm$/, '').replace(/^split_/, 'chunk-').replace(/^chunk_(\d+)$/, 'chunk-shared-$1');
  const hashed = `${stem.replace(/_/g, '-')}-${hash(bytes)}.wasm`;
  loader = replaceOnce(loader, `"./${file}"`, `"./${hashed}"`, '__wasm_split.js');
  put(hashed, bytes);
}
const wasmName = `${NAME}-${hash(mainWasm)}_bg.wasm`;
mainJs = replaceOnce(mainJs, `'${NAME}_bg.wasm'`, `'${wasmName}'`, `${NAME}.js`);
const pair = hash(loader, '\0', mainJs);
const loaderName = `wasm-split-${pair}.js`;
const mainName = `${NAME}-${pair}.js`;
loader = replaceOnce(loader, `"./${NAME}.js"`, `"./${mainName}"`, '__wasm_split.js');
// wasm-bindgen imports the loader once per function it provides (`from "./__wasm_split.js"`);
// the keys of the wasm's imports keep the module name the wasm was linked with.
mainJs = replaceAll(mainJs, `from "./__wasm_split.js"`, `from "./${loaderName}"`, `${NAME}.js`);
put(wasmName, mainWasm);
put(loaderName, loader);
put(mainName, mainJs);

// Trunk's own output, the whole program, is not used.
for (const file of readdirSync(site)) {
  if (new RegExp(`^${NAME}-[0-9a-f]+(_bg\\.wasm|\\.js)$`).test(file) && !written.includes(file)) rmSync(join(site, file));
}

// index.html names the first load.
const index = join(site, 'index.html');
let html = readFileSync(index, 'utf8');
html = replaceAll(html, '__MAIN_JS__', mainName, 'index.html');
html = replaceAll(html, '__MAIN_WASM__', wasmName, 'index.html');
writeFileSync(index, html);
console.log(`build-wasm (${profile}): ${written.join(', ')}`);

// 5. Precompressed copies, for release builds (debug builds are tested uncompressed).
if (release) console.log(`compress: .br and .gz beside ${compress(site)} files in ${site}`);

/** `text` with `from` replaced; the build stops when it is not there exactly once. */
function replaceOnce(text, from, to, file) {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`build-wasm: expected ${from} once in ${file}, found it ${parts.length - 1} times`);
  return parts.join(to);
}

function replaceAll(text, from, to, file) {
  const parts = text.split(from);
  if (parts.length < 2) throw new Error(`build-wasm: ${from} not found in ${file}`);
  return parts.join(to);
}

/** `bytes` (a wasm module) without the exports whose names `drop` accepts. */
function dropExports(bytes, drop) {
  const leb = (at) => {
    let [value, shift, i] = [0, 0, at];
    for (;;) {
      const byte = bytes[i++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return [value, i];
    }
  };
  const encode = (value) => {
    const out = [];
    do {
      let byte = value & 0x7f;
      value = Math.floor(value / 128);
      if (value > 0) byte |= 0x80;
      out.push(byte);
    } while (value > 0);
    return Buffer.from(out);
  };
  const parts = [bytes.subarray(0, 8)];
  let at = 8;
  let dropped = 0;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(at + 1);
    const end = start + size;
    if (id !== 7) {
      parts.push(bytes.subarray(at, end));
    } else {
      let [count, i] = leb(start);
      const kept = [];
      for (let n = 0; n < count; n++) {
        const entryStart = i;
        const [length, nameStart] = leb(i);
        const name = bytes.subarray(nameStart, nameStart + length).toString('utf8');
        i = leb(nameStart + length + 1)[1];
        if (drop(name)) dropped++;
        else kept.push(bytes.subarray(entryStart, i));
      }
      const body = Buffer.concat([encode(kept.length), ...kept]);
      parts.push(Buffer.from([7]), encode(body.length), body);
    }
    at = end;
  }
  if (dropped === 0) throw new Error('build-wasm: no unused exports found to drop; check UNUSED_EXPORT');
  return Buffer.concat(parts);
}
