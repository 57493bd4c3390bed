#!/usr/bin/env node
// A small static file server for the built site (dist/), with no dependencies.
//
// Serves exactly what a gemeente's static host would: files, correct MIME types (wasm
// included), and the precompressed `.br`/`.gz` beside a file when the browser accepts that
// encoding (as nginx's brotli_static/gzip_static do; `--no-compression` serves only the
// files themselves, as a host that does not compress). Used by `scripts/serve.sh` and by
// the browser tests.
//
//   node scripts/static-server.mjs [--root dist] [--host 127.0.0.1] [--port 8080] [--base /]
//
// --base mounts the site under a sub-path (e.g. /afdeling/rekenhulp/), like an intranet.
// --header 'Name: value' adds a response header (repeatable).
// --csp sends the Content-Security-Policy recommended in the README (CSP below).
// --port 0 picks a free port. The first line printed is the URL.
// --no-compression never sends the .br/.gz files.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { COMPRESSIBLE } from './compress.mjs';

/** The hash of the inline script in index.html (the app shell's first lines). */
export const SHELL_SCRIPT_HASH = 'sha256-/JMmwLIOAT1WVsW6ob5/+8cUWngrbIDM+8LsSCZ2AnY=';

/** The policy the calculator runs under, as recommended for hosting (README, "Deploying"). */
export const CSP = [
  "default-src 'none'",
  // The one inline script: the app shell's first lines in index.html, allowed by its hash.
  `script-src 'self' 'wasm-unsafe-eval' '${SHELL_SCRIPT_HASH}'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The example host page frames the calculator: the same policy, plus frame-src. */
export const EXAMPLE_CSP = `${CSP}; frame-src 'self'`;
const EXAMPLE_PAGE = 'embed-voorbeeld.html';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function parseArgs(argv) {
  const options = { root: 'dist', host: '127.0.0.1', port: 8080, base: '/', headers: {}, compression: true };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--csp') {
      options.headers['Content-Security-Policy'] = CSP;
      i -= 1;
      continue;
    }
    if (flag === '--no-compression') {
      options.compression = false;
      i -= 1;
      continue;
    }
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--root') options.root = value;
    else if (flag === '--host') options.host = value;
    else if (flag === '--port') options.port = Number(value);
    else if (flag === '--base') options.base = value.endsWith('/') ? value : `${value}/`;
    else if (flag === '--header') {
      const at = value.indexOf(':');
      if (at < 1) throw new Error(`--header wants 'Name: value', got ${value}`);
      options.headers[value.slice(0, at).trim()] = value.slice(at + 1).trim();
    } else throw new Error(`unknown option ${flag}`);
  }
  return options;
}

/** The encodings a request accepts (q=0 excluded), of those we have files for. */
function accepted(header = '') {
  const ok = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (!q || Number(q.slice(2)) > 0) ok.add(name);
  }
  return ok;
}

/** The file to send for `file`: its .br or .gz when accepted and present. */
async function encoded(file, acceptEncoding, compression) {
  if (!compression || !COMPRESSIBLE.has(extname(file))) return { path: file, encoding: null };
  const ok = accepted(acceptEncoding);
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!ok.has(encoding)) continue;
    try {
      if ((await stat(file + suffix)).isFile()) return { path: file + suffix, encoding };
    } catch {
      // Not precompressed: the next encoding, or the file itself.
    }
  }
  return { path: file, encoding: null };
}

export function startServer({ root, host, port, base, headers, compression = true }) {
  const rootDir = resolve(root);
  const server = createServer(async (request, response) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      response.writeHead(status, { 'Content-Type': type, ...headers });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed');
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname === base.slice(0, -1)) {
      response.writeHead(301, { Location: base + url.search });
      return response.end();
    }
    if (!url.pathname.startsWith(base)) return send(404, 'Not found');
    let relative;
    try {
      relative = decodeURIComponent(url.pathname.slice(base.length));
    } catch {
      return send(400, 'Bad request');
    }
    let file = normalize(join(rootDir, relative));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return send(404, 'Not found');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const sent = await encoded(file, request.headers['accept-encoding'], compression);
      const body = await readFile(sent.path);
      const cache = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/.test(file)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache';
      const pageHeaders = { ...headers };
      if (pageHeaders['Content-Security-Policy'] === CSP && file.endsWith(EXAMPLE_PAGE)) {
        pageHeaders['Content-Security-Policy'] = EXAMPLE_CSP;
      }
      const negotiated = compression && COMPRESSIBLE.has(extname(file))
        ? { Vary: 'Accept-Encoding', ...(sent.encoding ? { 'Content-Encoding': sent.encoding } : {}) }
        : {};
      response.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': cache,
        'X-Content-Type-Options': 'nosniff',
        ...negotiated,
        ...pageHeaders,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      send(404, 'Not found');
    }
  });
  return new Promise((resolveListen) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolveListen({ server, url: `http://${host}:${actual}${base}` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { url } = await startServer(parseArgs(process.argv.slice(2)));
    console.log(url);
    console.error(`Serving the calculator at ${url} (Ctrl+C stops).`);
  } catch (error) {
    console.error(`static-server: ${error.message}`);
    process.exit(2);
  }
}
