#!/usr/bin/env node
// A small static file server for the built site (dist/), with no dependencies.
//
// Serves exactly what a gemeente's static host would: files, correct MIME types (wasm
// included), nothing else. Used by `scripts/serve.sh` and by the browser tests.
//
//   node scripts/static-server.mjs [--root dist] [--host 127.0.0.1] [--port 8080] [--base /]
//
// --base mounts the site under a sub-path (e.g. /afdeling/rekenhulp/), like an intranet.
// --header 'Name: value' adds a response header (repeatable).
// --csp sends the Content-Security-Policy recommended in the README (CSP below).
// --port 0 picks a free port. The first line printed is the URL.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** The policy the calculator runs under, as recommended for hosting (README, "Deploying"). */
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
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
  const options = { root: 'dist', host: '127.0.0.1', port: 8080, base: '/', headers: {} };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--csp') {
      options.headers['Content-Security-Policy'] = CSP;
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

export function startServer({ root, host, port, base, headers }) {
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
      const body = await readFile(file);
      const cache = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(file)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache';
      const pageHeaders = { ...headers };
      if (pageHeaders['Content-Security-Policy'] === CSP && file.endsWith(EXAMPLE_PAGE)) {
        pageHeaders['Content-Security-Policy'] = EXAMPLE_CSP;
      }
      response.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': cache,
        'X-Content-Type-Options': 'nosniff',
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
