// scripts/static-server.mjs, the server of `scripts/serve.sh` and the browser tests, run as
// its command line runs it (a child process, so that a crash is seen as one): nothing a
// request sends stops it; it refuses dotfiles, editor backups and anything outside its
// root; its error responses carry the same safety headers as its files; it answers
// conditional requests with 304 and streams files with the right length.
//   node --test tests/server/
// Needs no build: it serves a small site made here, in a temporary directory.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const SERVER = new URL('../../scripts/static-server.mjs', import.meta.url).pathname;
const { CSP } = await import(SERVER);

/** A small site: the files a build has, and what must never be served beside them. */
function makeSite() {
  const dir = mkdtempSync(join(tmpdir(), 'static-server-test-'));
  const site = join(dir, 'site');
  mkdirSync(site);
  const files = {
    'index.html': '<!doctype html><title>Rekenhulp</title>',
    'app-0123456789abcdef.js': 'export default 1;\n',
    'app-0123456789abcdef_bg.wasm': randomBytes(3 * 1024 * 1024),
    'data/tabel.csv': 'gemeente;budget\nAssen;1\n',
    '.well-known/security.txt': 'Contact: mailto:security@example.nl\n',
    // What must stay hidden.
    '.git/config': '[core]\n\tbare = false\n',
    '.env': 'SECRET=geheim\n',
    '.htaccess': 'Require all granted\n',
    'index.html.bak': 'oude versie\n',
    'notities~': 'oude versie\n',
    'index.html.orig': 'oude versie\n',
    'index.html.swp': 'vim\n',
    '.index.html.swp': 'vim\n',
    'data/.DS_Store': 'mac\n',
    '.well-known/.geheim': 'verborgen\n',
  };
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(site, name, '..'), { recursive: true });
    writeFileSync(join(site, name), body);
  }
  writeFileSync(join(site, 'app-0123456789abcdef.js.br'), brotliCompressSync(files['app-0123456789abcdef.js']));
  writeFileSync(join(site, 'app-0123456789abcdef.js.gz'), gzipSync(files['app-0123456789abcdef.js']));
  // Outside the root, and links to it from inside.
  writeFileSync(join(dir, 'buiten.txt'), 'buiten de root\n');
  symlinkSync('/etc/passwd', join(site, 'passwd'));
  symlinkSync(join(dir, 'buiten.txt'), join(site, 'buiten.txt'));
  symlinkSync(dir, join(site, 'omhoog'));
  // A precompressed copy that points out of the root: never sent instead of the file.
  writeFileSync(join(site, 'boot.js'), 'console.log(1);\n');
  symlinkSync('/etc/passwd', join(site, 'boot.js.br'));
  // A link that stays inside the root is fine.
  symlinkSync('index.html', join(site, 'ook-index.html'));
  return { dir, site, files };
}

/** Starts the server's command line on a free port; resolves to its URL. */
function startCli(args) {
  const child = spawn(process.execPath, [SERVER, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d;
      const line = output.split('\n')[0];
      if (output.includes('\n')) resolve({ child, url: new URL(line.trim()) });
    });
    child.stderr.on('data', (d) => { output += d; });
    child.once('exit', (code) => reject(new Error(`static-server exited (${code}) before it listened:\n${output}`)));
  });
}

/** One HTTP request; resolves to { status, headers, body }. */
function http(url, { method = 'GET', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent: false }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Sends `raw` over a fresh TCP connection and resolves to everything that came back. */
function rawRequest(url, raw) {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks = [];
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(raw)}`)));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    // Not end(): Node's server drops a request whose client has half-closed the connection.
    socket.write(raw);
  });
}

/** The status line and headers of a raw HTTP/1.1 response. */
function parseHead(text) {
  const [head] = text.split('\r\n\r\n');
  const [statusLine, ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => {
    const at = l.indexOf(':');
    return [l.slice(0, at).trim().toLowerCase(), l.slice(at + 1).trim()];
  }));
  return { status: Number(statusLine.split(' ')[1]), headers };
}

const SAFETY = (headers, what) => {
  assert.equal(headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
  assert.ok(headers['cache-control'], `${what}: a Cache-Control`);
  assert.notEqual(headers['cache-control'], 'public, max-age=31536000, immutable', `${what}: an error is never cached for a year`);
};

for (const base of ['/', '/afdeling/rekenhulp/']) {
  describe(`static-server.mjs --csp --base ${base}`, () => {
    let made;
    let server;
    let origin;
    before(async () => {
      made = makeSite();
      server = await startCli(['--root', made.site, '--base', base, '--csp']);
      origin = server.url.origin;
    });
    after(() => {
      server?.child.kill();
      rmSync(made.dir, { recursive: true, force: true });
    });
    const at = (path) => `${origin}${base}${path}`;

    test('a hostile request target neither stops the server nor gets past a 400/404', async (t) => {
      // A server of its own: if this one dies, the other tests still say what they find.
      const own = await startCli(['--root', made.site, '--base', base, '--csp']);
      t.after(() => own.child.kill());
      for (const [target, status] of [
        ['//a:99999', 404],
        ['http://[/', 400],
        ['http://%zz/', 400],
        ['http://a:99999/', 400],
        [`${base}%zz`, 400],
        [`${base}%00`, 400],
        ['*', 400],
        ['index.html', 400],
      ]) {
        const answer = await rawRequest(own.url, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
        assert.ok(answer.startsWith('HTTP/1.1 '), `${target}: an HTTP answer, got ${JSON.stringify(answer.slice(0, 80))}`);
        const head = parseHead(answer);
        assert.equal(head.status, status, `${target}: status`);
        SAFETY(head.headers, target);
        assert.equal(own.child.exitCode, null, `${target}: the server still runs`);
        // And it still serves.
        const next = await http(`${own.url.origin}${base}`);
        assert.equal(next.status, 200, `after ${target}: the next request is served`);
      }
    });

    test('a malformed request gets a complete 400, and the server keeps serving', async () => {
      for (const raw of [
        'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n',
        'BREW /\r\n\r\n',
        'GET / HTTP/1.1\r\n\r\n',
      ]) {
        const head = parseHead(await rawRequest(server.url, raw));
        assert.equal(head.status, 400, JSON.stringify(raw));
        SAFETY(head.headers, JSON.stringify(raw));
        assert.equal(server.child.exitCode, null);
      }
      assert.equal((await http(at(''))).status, 200);
    });

    test('dotfiles, editor backups and links out of the root are refused', async () => {
      for (const path of [
        '.git/config', '.git/', '.env', '.htaccess', 'index.html.bak', 'notities~', 'index.html.orig',
        'index.html.swp', '.index.html.swp', 'data/.DS_Store', '.well-known/.geheim', '%2egit/config',
        '.%67it/config', 'data/%2e%2e/.env', 'passwd', 'buiten.txt', 'omhoog/buiten.txt',
        'INDEX.HTML.BAK',
      ]) {
        const response = await http(at(path));
        assert.equal(response.status, 404, path);
        SAFETY(response.headers, path);
        assert.equal(response.headers['content-security-policy'], CSP, `${path}: the CSP`);
        assert.doesNotMatch(response.body.toString(), /root:|geheim|oude versie|bare|buiten de root/, path);
      }
      // A precompressed copy that is a link out of the root is not sent: the file is.
      const boot = await http(at('boot.js'), { headers: { 'Accept-Encoding': 'br' } });
      assert.equal(boot.status, 200);
      assert.equal(boot.headers['content-encoding'], undefined);
      assert.equal(boot.body.toString(), 'console.log(1);\n');
      // What may be served: .well-known/ (security.txt) and a link that stays inside.
      assert.equal((await http(at('.well-known/security.txt'))).status, 200);
      const inside = await http(at('ook-index.html'));
      assert.equal(inside.status, 200);
      assert.equal(inside.body.toString(), made.files['index.html']);
    });

    test('error responses carry nosniff, Cache-Control and the CSP; 405 says what is allowed', async () => {
      const notFound = await http(at('bestaat-niet.html'));
      assert.equal(notFound.status, 404);
      SAFETY(notFound.headers, '404');
      assert.equal(notFound.headers['content-security-policy'], CSP);
      // A missing hashed file is an error like any other, not cached for a year.
      const missingHashed = await http(at('app-fedcba9876543210.js'));
      assert.equal(missingHashed.status, 404);
      SAFETY(missingHashed.headers, 'a missing hashed file');

      const badEscape = await http(at('%E0%A4%A'));
      assert.equal(badEscape.status, 400);
      SAFETY(badEscape.headers, '400');
      assert.equal(badEscape.headers['content-security-policy'], CSP);

      for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE']) {
        const response = await http(at('index.html'), { method });
        assert.equal(response.status, 405, method);
        SAFETY(response.headers, method);
        assert.equal(response.headers.allow, 'GET, HEAD', `${method}: Allow`);
        assert.equal(response.headers['content-security-policy'], CSP, `${method}: the CSP`);
      }
    });

    test('ETag and Last-Modified, answered with 304; each encoding its own ETag', async () => {
      for (const [path, encoding] of [['index.html', undefined], ['app-0123456789abcdef.js', 'br'], ['app-0123456789abcdef.js', 'gzip'], ['app-0123456789abcdef.js', undefined]]) {
        const headers = encoding ? { 'Accept-Encoding': encoding } : {};
        const first = await http(at(path), { headers });
        assert.equal(first.status, 200);
        assert.equal(first.headers['content-encoding'], encoding);
        const etag = first.headers.etag;
        assert.match(etag ?? '', /^(W\/)?"[^"]+"$/, `${path} ${encoding}: an ETag`);
        assert.ok(first.headers['last-modified'], `${path}: Last-Modified`);

        const again = await http(at(path), { headers: { ...headers, 'If-None-Match': etag } });
        assert.equal(again.status, 304, `${path} ${encoding}: 304 for its own ETag`);
        assert.equal(again.body.length, 0);
        assert.equal(again.headers.etag, etag);
        assert.equal(again.headers['cache-control'], first.headers['cache-control']);
        assert.equal(again.headers.vary, first.headers.vary);
        const listed = await http(at(path), { headers: { ...headers, 'If-None-Match': `"anders", W/${etag.replace(/^W\//, '')}` } });
        assert.equal(listed.status, 304, `${path}: 304 for its ETag in a list, weakly compared`);
        const other = await http(at(path), { headers: { ...headers, 'If-None-Match': '"anders"' } });
        assert.equal(other.status, 200, `${path}: 200 for another ETag`);
        const since = await http(at(path), { headers: { ...headers, 'If-Modified-Since': first.headers['last-modified'] } });
        assert.equal(since.status, 304, `${path}: 304 when not modified since`);
        const older = await http(at(path), { headers: { ...headers, 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' } });
        assert.equal(older.status, 200, `${path}: 200 when modified since`);
      }
      const etags = await Promise.all([undefined, 'br', 'gzip'].map(async (encoding) => (
        await http(at('app-0123456789abcdef.js'), { headers: encoding ? { 'Accept-Encoding': encoding } : {} })).headers.etag));
      assert.equal(new Set(etags).size, 3, `one ETag per encoding: ${etags}`);
    });

    test('GET and HEAD: the right Content-Length, and the bytes of the file', async () => {
      for (const path of ['', 'index.html', 'app-0123456789abcdef_bg.wasm', 'data/tabel.csv']) {
        const file = readFileSync(join(made.site, path || 'index.html'));
        const head = await http(at(path), { method: 'HEAD' });
        assert.equal(head.status, 200);
        assert.equal(Number(head.headers['content-length']), file.length, `${path}: HEAD Content-Length`);
        assert.equal(head.body.length, 0);
        const get = await http(at(path));
        assert.equal(Number(get.headers['content-length']), file.length, `${path}: GET Content-Length`);
        assert.ok(get.body.equals(file), `${path}: the bytes of the file`);
      }
      // Many at once: all whole.
      const wasm = readFileSync(join(made.site, 'app-0123456789abcdef_bg.wasm'));
      const all = await Promise.all(Array.from({ length: 20 }, () => http(at('app-0123456789abcdef_bg.wasm'))));
      assert.ok(all.every((r) => r.status === 200 && r.body.equals(wasm)));
    });
  });
}

test('files are streamed: 32 slow downloads of an 8 MB file do not hold 32 copies in memory', async () => {
  // 500 parallel downloads of the wasm once took 488 MB: each request read the whole file.
  const made = makeSite();
  const big = randomBytes(8 * 1024 * 1024);
  writeFileSync(join(made.site, 'groot-0123456789abcdef_bg.wasm'), big);
  const server = await startCli(['--root', made.site]);
  const peak = () => Number(readFileSync(`/proc/${server.child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)[1]) * 1024;
  try {
    assert.equal((await http(new URL('/', server.url))).status, 200);
    const before = peak();
    // Every response started (its headers here), none read yet: a server that reads whole
    // files holds them all now.
    const responses = await Promise.all(Array.from({ length: 32 }, () => new Promise((resolve, reject) => {
      httpRequest(new URL('/groot-0123456789abcdef_bg.wasm', server.url), { agent: false }, (response) => {
        response.pause();
        resolve(response);
      }).on('error', reject).end();
    })));
    await new Promise((r) => setTimeout(r, 500));
    const grown = peak() - before;
    const bodies = await Promise.all(responses.map((response) => new Promise((resolve) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => resolve(Buffer.concat(chunks)));
      response.resume();
    })));
    assert.ok(bodies.every((b) => b.equals(big)), 'every download whole');
    assert.ok(grown < 64 * 1024 * 1024, `the server grew by ${Math.round(grown / 1024 / 1024)} MB for 32 × 8 MB`);
  } finally {
    server.child.kill();
    rmSync(made.dir, { recursive: true, force: true });
  }
});
