#!/usr/bin/env node
// A small static file server for the built site (dist/), with no dependencies.
//
// Serves exactly what a gemeente's static host would: files, correct MIME types (wasm
// included), and the precompressed `.br`/`.gz` beside a file when the browser accepts that
// encoding (as nginx's brotli_static/gzip_static do; `--no-compression` serves only the
// files themselves, as a host that does not compress). Used by `scripts/serve.sh` and by
// the browser tests.
//
// As deploy/ configures nginx and Apache: dotfiles and editor leftovers are refused (404),
// nothing whose real path is outside the root is served (a symlink out of it is not
// followed), every answer (errors too) carries nosniff, a Cache-Control and the configured
// headers, files have an ETag and Last-Modified and a matching request gets 304, and files
// are streamed from disk. Nothing a request sends stops the server: a target it cannot
// read gets a 400 (tests/server/static-server.test.mjs).
//
//   node scripts/static-server.mjs [--root dist] [--host 127.0.0.1] [--port 8080] [--base /]
//
// --base mounts the site under a sub-path (e.g. /afdeling/rekenhulp/), like an intranet.
// --header 'Name: value' adds a response header (repeatable).
// --csp sends the Content-Security-Policy recommended in the README (CSP below).
// --port 0 picks a free port. The first line printed is the URL.
// --no-compression never sends the .br/.gz files.

import { createServer } from 'node:http';
import { open, realpath } from 'node:fs/promises';
import { extname, join, posix, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
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
  // The calculator frames itself: the preview in "Insluiten op uw eigen site", and the
  // example page embed-voorbeeld.html.
  "frame-src 'self'",
].join('; ');

/** The example host page's policy: once the calculator's plus frame-src, now the same. */
export const EXAMPLE_CSP = CSP;
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

/**
 * Paths never served, as deploy/nginx.conf and deploy/apache.conf refuse them too (404):
 * - a name starting with a dot, file or directory (.git/, .env, .htaccess, .DS_Store, a
 *   vim swap file .x.swp), except the directory .well-known/, where a gemeente may publish
 *   security.txt (RFC 9116) or answer a certificate authority's ACME challenge;
 * - editor, merge and copy leftovers at the end of a path (x~, x.bak, x.orig, x.swp, …),
 *   which would show the source of whatever they are a copy of.
 * The release build writes neither; these are what a copy by hand or a checkout leaves.
 */
export const HIDDEN = /(^|\/)\.(?!well-known\/)/;
export const LEFTOVER = /(~|\.(bak|backup|old|orig|rej|save|swo|swp|tmp))$/i;

/** The files named with a content hash (Trunk drops leading zeros of the hash, hence 12–16):
 * the JS and wasm of the main module and of lazily loaded chunks, and the CSS. */
export const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

const STATUS_TEXT = {
  400: 'Ongeldig verzoek.',
  404: 'Niet gevonden.',
  405: 'Deze methode is hier niet toegestaan.',
  408: 'Het verzoek duurde te lang.',
  431: 'De kopregels van het verzoek zijn te groot.',
  500: 'Er ging iets mis op de server.',
};
const REASON = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

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

/**
 * The path and query of a request target, or null when it is none we serve. Origin-form
 * (`/path?query`) is taken as it is, never parsed as a URL relative to something (`//a:1`
 * would be a host); absolute-form (`http://host/path`) is parsed, and when that fails
 * (`http://[/`, `http://%zz/`, a port over 65535) the request is a bad one.
 */
function requestTarget(target) {
  if (target.startsWith('/')) {
    const q = target.indexOf('?');
    return q < 0 ? { path: target, search: '' } : { path: target.slice(0, q), search: target.slice(q) };
  }
  if (/^https?:\/\//i.test(target)) {
    try {
      const url = new URL(target);
      return { path: url.pathname, search: url.search };
    } catch {
      return null;
    }
  }
  return null;
}

/** `path` is `root` or inside it. */
const inside = (root, path) => path === root || path.startsWith(root + sep);

/** Opens `path` if it is a regular file whose real path is inside `rootReal` and no hidden
 * file or leftover there; resolves to { handle, info } or null. */
async function openInside(rootReal, path) {
  let real;
  try {
    real = await realpath(path);
  } catch {
    return null;
  }
  const within = relative(rootReal, real).split(sep).join('/');
  if (!inside(rootReal, real) || HIDDEN.test(within) || LEFTOVER.test(within)) return null;
  let handle;
  try {
    handle = await open(real, 'r');
    const info = await handle.stat();
    if (info.isFile()) return { handle, info };
  } catch {
    // Gone, or unreadable: as if it were not there.
  }
  await handle?.close();
  return null;
}

/** A strong validator from the file's size and modification time (as nginx makes it),
 * with the encoding, so that a .br and a .gz never share one. */
const entityTag = (info, encoding) => `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;

/** The request's If-None-Match or If-Modified-Since says the copy it has is current. */
function notModified(request, etag, info) {
  const match = request.headers['if-none-match'];
  if (match !== undefined) {
    // Weak comparison, as RFC 9110 prescribes for If-None-Match.
    const opaque = (tag) => tag.trim().replace(/^W\//, '');
    return match.trim() === '*' || match.split(',').some((tag) => opaque(tag) === opaque(etag));
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(info.mtimeMs / 1000) * 1000 <= since;
}

export function startServer({ root, host, port, base, headers, compression = true }) {
  const rootDir = resolve(root);
  // Every response carries these, errors included: nosniff, and the configured headers
  // (the CSP), so that no answer of this server is rendered without the policy.
  const always = { 'X-Content-Type-Options': 'nosniff', ...headers };
  let rootReal;

  /** An error or redirect: plain text, revalidated like everything that is not hashed. */
  const send = (request, response, status, extra = {}) => {
    const body = Buffer.from(STATUS_TEXT[status] ? `${STATUS_TEXT[status]}\n` : '');
    response.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      ...always,
      // After a request that could not be understood, the connection is not trusted either.
      ...(status === 400 ? { Connection: 'close' } : {}),
      ...extra,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  async function handle(request, response) {
    // HTTP/1.1 requires Host (RFC 9112 3.2); Node's own check would answer without headers.
    if (request.httpVersion === '1.1' && request.headers.host === undefined) return send(request, response, 400);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(request, response, 405, { Allow: 'GET, HEAD' });
    }
    const target = requestTarget(request.url);
    if (!target) return send(request, response, 400);
    let decoded;
    try {
      decoded = decodeURIComponent(target.path);
    } catch {
      return send(request, response, 400);
    }
    if (decoded.includes('\0')) return send(request, response, 400);
    // Dot segments resolved, as a browser would; never above "/".
    const path = posix.normalize(decoded);
    if (path === base.slice(0, -1)) {
      return send(request, response, 301, { Location: base + target.search });
    }
    if (!path.startsWith(base)) return send(request, response, 404);
    const wanted = path.slice(base.length);
    if (HIDDEN.test(wanted) || LEFTOVER.test(wanted)) return send(request, response, 404);

    rootReal ??= await realpath(rootDir);
    let file = join(rootDir, wanted);
    let found = await openInside(rootReal, file);
    if (!found) {
      // A directory: its index.html.
      file = join(file, 'index.html');
      found = await openInside(rootReal, file);
      if (!found) return send(request, response, 404);
    }
    // The .br or .gz beside it, when accepted and present (and inside the root too).
    let encoding = null;
    if (compression && COMPRESSIBLE.has(extname(file))) {
      const ok = accepted(request.headers['accept-encoding']);
      for (const [name, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!ok.has(name)) continue;
        const copy = await openInside(rootReal, file + suffix);
        if (!copy) continue;
        await found.handle.close();
        found = copy;
        encoding = name;
        break;
      }
    }
    const { handle: fileHandle, info } = found;
    const pageHeaders = { ...always };
    if (pageHeaders['Content-Security-Policy'] === CSP && file.endsWith(EXAMPLE_PAGE)) {
      pageHeaders['Content-Security-Policy'] = EXAMPLE_CSP;
    }
    const etag = entityTag(info, encoding);
    const validators = {
      ETag: etag,
      'Last-Modified': info.mtime.toUTCString(),
      'Cache-Control': HASHED.test(file) ? IMMUTABLE : 'no-cache',
      ...(compression && COMPRESSIBLE.has(extname(file)) ? { Vary: 'Accept-Encoding' } : {}),
    };
    if (notModified(request, etag, info)) {
      await fileHandle.close();
      response.writeHead(304, { ...validators, ...pageHeaders });
      return response.end();
    }
    response.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
      ...validators,
      ...pageHeaders,
    });
    if (request.method === 'HEAD') {
      await fileHandle.close();
      return response.end();
    }
    // Streamed, never read whole: memory stays flat however many download at once.
    // (A client that goes away ends the pipeline with an error; the file is closed.)
    await pipeline(fileHandle.createReadStream(), response).catch(() => {});
  }

  const server = createServer({ requireHostHeader: false }, (request, response) => {
    handle(request, response).catch(() => {
      // Whatever went wrong, this request ends here and the server goes on.
      if (!response.headersSent) send(request, response, 500);
      else response.destroy();
    });
  });
  // A request Node's parser cannot read (a malformed request line or header, headers too
  // large): a complete answer with the same headers, then the connection is closed.
  server.on('clientError', (error, socket) => {
    const started = socket._httpMessage?.headersSent;
    if (!socket.writable || started || error.code === 'ECONNRESET') return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = Buffer.from(`${STATUS_TEXT[status]}\n`);
    const lines = {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      ...always,
      Connection: 'close',
    };
    socket.end(Buffer.concat([
      Buffer.from(`HTTP/1.1 ${status} ${REASON[status]}\r\n${Object.entries(lines).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`),
      body,
    ]));
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
