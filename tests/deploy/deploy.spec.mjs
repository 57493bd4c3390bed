// deploy/nginx.conf and deploy/apache.conf, each run in Debian's own server against dist/
// (tests/deploy/servers.mjs): the response headers a gemeente's server must send, the
// precompressed files, the sub-path, and the calculator working through it in chromium,
// embedded too. And the site on a host that does not compress at all.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { CSP, EXAMPLE_CSP, startServer } from '../../scripts/static-server.mjs';
import { test, expect } from '../e2e/fixtures.mjs';
import { DIST, SUBPATH, startDeployServer } from './servers.mjs';

const TARGET = new URL('../../target/deploy', import.meta.url).pathname;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const QUERY = '?gemeente=Groningen&wijziging=-13';
const FRICTIEKOSTEN = '€ 162.019';

/** The hashed files of this build. */
function built(pattern) {
  const name = readdirSync(DIST).find((f) => pattern.test(f));
  if (!name) throw new Error(`no file matching ${pattern} in ${DIST}: build first (scripts/test.sh step 3)`);
  return name;
}
const WASM = built(/-[0-9a-f]{12,16}_bg\.wasm$/);
const JS = built(/-[0-9a-f]{12,16}\.js$/);
const CSS = built(/-[0-9a-f]{12,16}\.css$/);
const DATA = 'data/mee-budgetten-2014.csv';

/**
 * A GET (or `method`) with exactly the Accept-Encoding given (none when undefined), nothing
 * decoded: { status, headers, body }.
 */
function get(url, acceptEncoding, method = 'GET') {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    httpRequest(url, { headers, method }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

/** `raw` sent as it is over a new connection to `origin` (an HTTP client would refuse to
 * send most of these); the answer as { status, headers, body }. */
function rawRequest(origin, raw) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks = [];
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(raw.slice(0, 60))}`)));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const at = text.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = text.slice(0, at).split('\r\n');
      const headers = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: text.slice(at + 4) });
    });
    socket.write(raw);
  });
}

/** The body as the file it stands for, decoded by its Content-Encoding. */
function decoded({ headers, body }) {
  const encoding = headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === undefined) return body;
  throw new Error(`unexpected Content-Encoding ${encoding}`);
}

/** The values of Vary, lower case. */
const vary = (headers) => (headers.vary ?? '').toLowerCase().split(',').map((v) => v.trim()).filter(Boolean);

/** Records CSP violations in every frame of the page, before any script runs. */
async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const messages = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) messages.push(m.text()); });
  return async (frame = page) => ({ events: await frame.evaluate(() => window.__cspViolations), messages });
}

/** A copy of dist/ without the .br and .gz files: a build a server must compress itself. */
function uncompressedCopy() {
  mkdirSync(TARGET, { recursive: true });
  // (The servers serve a world-readable copy of it made by tests/deploy/servers.mjs.)
  const copy = mkdtempSync(join(TARGET, 'dist-uncompressed-'));
  scratch.push(copy);
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const from = join(dir, name);
      const to = join(copy, relative(DIST, from));
      if (statSync(from).isDirectory()) {
        mkdirSync(to);
        walk(from);
      } else if (!/\.(br|gz)$/.test(name)) {
        writeFileSync(to, readFileSync(from));
      }
    }
  };
  walk(DIST);
  return copy;
}

/** Other servers a test starts (host pages), closed after the file, and the directories
 * made for them, removed then (DEPLOY_KEEP=1 keeps them). */
const nodeServers = [];
const scratch = [];
test.afterAll(() => {
  nodeServers.forEach((s) => s.close());
  if (!process.env.DEPLOY_KEEP) scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

/** A host page on another origin ("localhost" against the calculator's 127.0.0.1), served
 * by a real server, with the embed of the README. */
async function hostPage(calculatorUrl) {
  mkdirSync(TARGET, { recursive: true });
  const dir = mkdtempSync(join(TARGET, 'host-'));
  scratch.push(dir);
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="nl"><head><meta charset="utf-8">
    <title>Intranet gemeente</title><link rel="icon" href="data:,"></head><body>
    <h1>Intranet</h1><div data-mee-frictiekosten data-gemeente="Groningen" data-wijziging="-13"></div>
    <script src="${calculatorUrl}embed.js" defer></script></body></html>`);
  const started = await startServer({ root: dir, host: '127.0.0.1', port: 0, base: '/', headers: {} });
  nodeServers.push(started.server);
  return started.url.replace('127.0.0.1', 'localhost');
}

for (const name of ['nginx', 'apache']) {
  test.describe(`deploy/${name}.conf in Debian's ${name === 'apache' ? 'apache2' : 'nginx'}`, () => {
    let server;
    test.beforeAll(async () => {
      server = await startDeployServer(name);
    });
    test.afterAll(async () => {
      await server?.stop();
    });

    test('starts without a warning', () => {
      const warnings = server.logs().split('\n').filter((l) => /\[(warn|error|crit|alert|emerg)\]|:(warn|error|crit|alert|emerg)\]/.test(l));
      expect(warnings).toEqual([]);
    });

    for (const mount of ['root', 'sub']) {
      test(`headers at the ${mount === 'root' ? 'site root' : 'sub-path'}: CSP, nosniff, MIME types, cache lifetimes`, async () => {
        const base = server[mount];
        const expectations = [
          // [path, Content-Type, Cache-Control, CSP]
          ['', /^text\/html; ?charset=utf-8$/i, 'no-cache', CSP],
          ['index.html', /^text\/html; ?charset=utf-8$/i, 'no-cache', CSP],
          [WASM, /^application\/wasm$/, IMMUTABLE, CSP],
          [JS, /^text\/javascript(; ?charset=utf-8)?$/i, IMMUTABLE, CSP],
          [CSS, /^text\/css(; ?charset=utf-8)?$/i, IMMUTABLE, CSP],
          ['boot.js', /^text\/javascript(; ?charset=utf-8)?$/i, 'no-cache', CSP],
          ['embed.js', /^text\/javascript(; ?charset=utf-8)?$/i, 'no-cache', CSP],
          ['thema.css', /^text\/css(; ?charset=utf-8)?$/i, 'no-cache', CSP],
          [DATA, /^text\/csv; ?charset=utf-8$/i, 'no-cache', CSP],
          ['embed-voorbeeld.html', /^text\/html; ?charset=utf-8$/i, 'no-cache', EXAMPLE_CSP],
        ];
        for (const acceptEncoding of [undefined, 'gzip, deflate, br']) {
          for (const [path, type, cache, csp] of expectations) {
            const what = `${path || '(directory)'} with Accept-Encoding ${acceptEncoding ?? '(none)'}`;
            const response = await get(`${base}${path}`, acceptEncoding);
            expect(response.status, what).toBe(200);
            expect(response.headers['content-type'], what).toMatch(type);
            expect(response.headers['cache-control'], what).toBe(cache);
            expect(response.headers['content-security-policy'], what).toBe(csp);
            expect(response.headers['x-content-type-options'], what).toBe('nosniff');
            expect(response.headers['access-control-allow-origin'], what).toBeUndefined();
            expect(response.headers['x-frame-options'], what).toBeUndefined();
            const file = readFileSync(join(DIST, path || 'index.html'));
            expect(decoded(response).equals(file), `${what}: the file itself`).toBe(true);
          }
        }
      });
    }

    test('precompressed: br when accepted, else gzip, else the file; Vary: Accept-Encoding', async () => {
      for (const base of [server.root, server.sub]) {
        for (const path of ['', WASM, JS, CSS, 'boot.js', 'embed.js', DATA]) {
          const file = readFileSync(join(DIST, path || 'index.html'));
          const plain = await get(`${base}${path}`);
          for (const [acceptEncoding, encoding] of [
            ['gzip, deflate, br', 'br'],
            ['br', 'br'],
            ['gzip, deflate', 'gzip'],
            ['gzip, br;q=0', 'gzip'],
            [undefined, undefined],
            ['identity', undefined],
          ]) {
            const what = `${base}${path} with Accept-Encoding ${acceptEncoding ?? '(none)'}`;
            const response = await get(`${base}${path}`, acceptEncoding);
            expect(response.headers['content-encoding'], what).toBe(encoding);
            expect(vary(response.headers), what).toContain('accept-encoding');
            // The type of the file, not of its .br/.gz (nor a language from ".br").
            expect(response.headers['content-type'], what).toBe(plain.headers['content-type']);
            expect(response.headers['content-language'], what).toBeUndefined();
            expect(decoded(response).equals(file), `${what}: the file itself`).toBe(true);
            if (encoding) {
              // The precompressed file as built, not one compressed per request.
              const copy = readFileSync(join(DIST, `${path || 'index.html'}.${encoding === 'br' ? 'br' : 'gz'}`));
              expect(response.body.equals(copy), `${what}: the ${encoding} file beside it`).toBe(true);
            }
          }
        }
      }
    });

    test('compresses on the fly what has no precompressed copy (thema.css, a build without them)', async () => {
      // thema.css is never precompressed: a gemeente replaces it.
      const thema = readFileSync(join(DIST, 'thema.css'));
      for (const [acceptEncoding, encoding] of [['gzip, deflate, br', name === 'apache' ? 'br' : 'gzip'], ['gzip', 'gzip']]) {
        const response = await get(`${server.root}thema.css`, acceptEncoding);
        expect(response.headers['content-encoding'], `thema.css, ${acceptEncoding}`).toBe(encoding);
        expect(vary(response.headers)).toContain('accept-encoding');
        expect(decoded(response).equals(thema)).toBe(true);
      }
      // The same config on a build without .br/.gz files: the wasm and the JS still
      // travel compressed (gzip_types / AddOutputFilterByType list application/wasm).
      const plain = await startDeployServer(name, { dist: uncompressedCopy() });
      try {
        for (const path of [WASM, JS, '']) {
          const response = await get(`${plain.root}${path}`, 'gzip');
          expect(response.headers['content-encoding'], `${path || 'index.html'} compressed on the fly`).toBe('gzip');
          expect(vary(response.headers)).toContain('accept-encoding');
          expect(decoded(response).equals(readFileSync(join(DIST, path || 'index.html')))).toBe(true);
        }
        expect((await get(`${plain.root}${WASM}`, 'gzip')).headers['content-type']).toBe('application/wasm');
      } finally {
        await plain.stop();
      }
    });

    test('dotfiles, editor leftovers and links out of the site are refused', async () => {
      // Planted in the served copy, as a careless copy or checkout would leave them.
      const planted = {
        '.git/config': '[core] geheim-git',
        '.git/HEAD': 'geheim-head',
        '.env': 'GEHEIM=env',
        '.htaccess': 'geheim-htaccess',
        '.DS_Store': 'geheim-ds',
        'data/.verborgen.csv': 'geheim-data',
        'index.html.bak': 'geheim-bak',
        'notities~': 'geheim-tilde',
        'index.html.orig': 'geheim-orig',
        'index.html.swp': 'geheim-swp',
        '.index.html.swp': 'geheim-vim',
        'OUD.BAK': 'geheim-hoofdletters',
        '.well-known/.geheim': 'geheim-well-known',
        '.well-known/security.txt': 'Contact: mailto:security@example.nl\n',
        'los.js': 'console.log("los");\n',
      };
      for (const [name, body] of Object.entries(planted)) {
        mkdirSync(dirname(join(server.site, name)), { recursive: true });
        writeFileSync(join(server.site, name), body);
      }
      symlinkSync('/etc/passwd', join(server.site, 'passwd'));
      symlinkSync('/etc', join(server.site, 'etc'));
      symlinkSync('/etc/passwd', join(server.site, 'wachtwoorden.csv'));
      // A precompressed copy that is a link out: never sent.
      symlinkSync('/etc/passwd', join(server.site, 'los.js.br'));
      const secret = /geheim|root:x?:0:0/;
      const refused = [
        ...Object.keys(planted).filter((name) => /geheim/.test(planted[name])),
        '.git/', '%2egit/config', '.%65nv', 'data/..%2f.env', 'passwd', 'etc/passwd', 'wachtwoorden.csv',
      ];
      for (const base of [server.root, server.sub]) {
        for (const path of refused) {
          const what = `${base}${path}`;
          for (const acceptEncoding of [undefined, 'br, gzip']) {
            const response = await get(what, acceptEncoding);
            expect([403, 404], what).toContain(response.status);
            expect(decoded(response).toString(), what).not.toMatch(secret);
            expect(response.headers['content-security-policy'], what).toBe(CSP);
            expect(response.headers['x-content-type-options'], what).toBe('nosniff');
            expect(response.headers['cache-control'], what).toBe('no-cache');
          }
        }
        // los.js with its link of a .br: the file itself, or a refusal; never /etc/passwd.
        const los = await get(`${base}los.js`, 'br');
        expect(decoded(los).toString(), `${base}los.js`).not.toMatch(secret);
        // Allowed: .well-known/ (security.txt) and the calculator itself.
        const wellKnown = await get(`${base}.well-known/security.txt`);
        expect(wellKnown.status, `${base}.well-known/security.txt`).toBe(200);
        expect(decoded(wellKnown).toString()).toBe(planted['.well-known/security.txt']);
        expect((await get(base)).status).toBe(200);
      }
    });

    test('errors carry the CSP, nosniff and no-cache; 405 says what is allowed; TRACE is refused', async () => {
      const checks = [];
      for (const base of [server.root, server.sub]) {
        checks.push([`${base}bestaat-niet.html`, await get(`${base}bestaat-niet.html`), 404]);
        // A hashed name that does not exist: an error, never cached for a year.
        checks.push([`${base}app-0123456789abcdef.js`, await get(`${base}app-0123456789abcdef.js`), 404]);
        for (const method of ['POST', 'PUT', 'DELETE', 'TRACE']) {
          checks.push([`${method} ${base}index.html`, await get(`${base}index.html`, undefined, method), 405]);
        }
      }
      // Requests the server cannot take, answered before any location or <Directory>.
      for (const target of ['/%zz', 'http://[/', 'http://%zz/', '/a%2Fb']) {
        const response = await rawRequest(server.origin, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
        checks.push([`GET ${target}`, response, [400, 404]]);
      }
      checks.push(['a header of 9.000 bytes', await rawRequest(server.origin, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: ${'b'.repeat(9000)}\r\nConnection: close\r\n\r\n`), 400]);
      // What a frame gets for a link longer than the request line allows (embed.js says so
      // in the host page instead): 414, with the headers all the same.
      checks.push(['a request line of 9.000 bytes', await rawRequest(server.origin, `GET /?${'a'.repeat(9000)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`), 414]);
      for (const [what, response, status] of checks) {
        expect([status].flat(), what).toContain(response.status);
        expect(response.headers['content-security-policy'], what).toBe(CSP);
        expect(response.headers['x-content-type-options'], what).toBe('nosniff');
        expect(response.headers['cache-control'], what).toBe('no-cache');
        if (response.status === 405) {
          expect(response.headers.allow?.split(/,\s*/).sort(), `${what}: Allow`).toEqual(expect.arrayContaining(['GET', 'HEAD']));
          expect(response.headers.allow, `${what}: Allow`).not.toMatch(/TRACE|PUT|DELETE/);
        }
      }
    });

    test('no server version, in the Server header or on error pages', async () => {
      const answers = [
        ['index.html', await get(`${server.root}index.html`)],
        ['404', await get(`${server.root}bestaat-niet.html`)],
        ['405', await get(`${server.root}index.html`, undefined, 'POST')],
        ['400', await rawRequest(server.origin, 'GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')],
        ['414', await rawRequest(server.origin, `GET /?${'a'.repeat(9000)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)],
      ];
      for (const [what, response] of answers) {
        expect(response.headers.server, what).toBe(name === 'apache' ? 'Apache' : 'nginx');
        expect(String(response.body), what).not.toMatch(/nginx\/\d|Apache\/\d|\(Debian\)|Server at /);
      }
    });

    test('the sub-path without its slash redirects to it, keeping the query', async () => {
      const response = await get(`${server.origin}${SUBPATH.slice(0, -1)}${QUERY}`);
      expect(response.status).toBe(301);
      expect(new URL(response.headers.location, server.origin).href).toBe(`${server.sub}${QUERY}`);
    });

    for (const mount of ['root', 'sub']) {
      test(`the calculator at the ${mount === 'root' ? 'site root' : 'sub-path'}: figures, zero CSP violations`, async ({ page }) => {
        const base = server[mount];
        const violations = await watchCsp(page);
        const wasm = page.waitForResponse((r) => r.url().endsWith(WASM));
        const response = await page.goto(`${base}${QUERY}`);
        expect(response.headers()['content-security-policy']).toBe(CSP);
        await expect(page.getByTestId('frictiekosten')).toHaveText(FRICTIEKOSTEN);
        const wasmResponse = await wasm;
        expect(await wasmResponse.headerValue('content-type')).toBe('application/wasm');
        // Chromium asks for br (loopback counts as secure): the wasm.br, decoded fine.
        expect(await wasmResponse.headerValue('content-encoding')).toBe('br');
        // A step that writes the link: the URLs stay under this mount.
        await page.getByLabel('Wijziging cliëntondersteuning', { exact: true }).fill('-10');
        await expect(page).toHaveURL(`${base}?gemeente=Groningen&wijziging=-10`);
        if (mount === 'sub') {
          await page.goto(`${base.slice(0, -1)}${QUERY}`);
          await expect(page).toHaveURL(`${base}${QUERY}`);
          await expect(page.getByTestId('frictiekosten')).toHaveText(FRICTIEKOSTEN);
        }
        expect(await violations()).toEqual({ events: [], messages: [] });
      });
    }

    test('embedded with embed.js in a page on another origin', async ({ page }) => {
      const host = await hostPage(server.sub);
      const violations = await watchCsp(page);
      await page.goto(host);
      await expect(page.locator('iframe')).toHaveAttribute('title', 'Rekenhulp frictiekosten MEE 2015');
      const frame = page.frameLocator('iframe');
      await expect(frame.getByTestId('frictiekosten')).toHaveText(FRICTIEKOSTEN);
      const inner = page.frames().find((f) => f.url().startsWith(server.sub));
      expect(await violations(inner)).toEqual({ events: [], messages: [] });
    });

    test('the example page embed-voorbeeld.html works as shipped', async ({ page }) => {
      const violations = await watchCsp(page);
      const response = await page.goto(`${server.sub}embed-voorbeeld.html`);
      expect(response.headers()['content-security-policy']).toBe(EXAMPLE_CSP);
      await expect(page.frameLocator('iframe').getByTestId('frictiekosten')).toHaveText(FRICTIEKOSTEN);
      expect(await violations()).toEqual({ events: [], messages: [] });
    });
  });
}

test('works from a host that does not compress at all', async ({ page }) => {
  const { server, url } = await startServer({ root: DIST, host: '127.0.0.1', port: 0, base: '/', headers: { 'Content-Security-Policy': CSP }, compression: false });
  nodeServers.push(server);
  const encodings = [];
  page.on('response', async (r) => encodings.push(`${new URL(r.url()).pathname} ${await r.headerValue('content-encoding')}`));
  await page.goto(`${url}${QUERY}`);
  await expect(page.getByTestId('frictiekosten')).toHaveText(FRICTIEKOSTEN);
  expect(encodings.some((e) => e.startsWith(`/${WASM} `))).toBe(true);
  expect(encodings.filter((e) => !e.endsWith(' null'))).toEqual([]);
});

// IIS cannot run here: only what can be read from the file is checked, so that its policy
// and MIME types do not drift from the tested configs.
test('deploy/web.config (IIS, not run here) sends the same policy and MIME types, and refuses the same files', () => {
  const config = readFileSync(new URL('../../deploy/web.config', import.meta.url), 'utf8');
  const withoutComments = config.replace(/<!--[\s\S]*?-->/g, '');
  const policies = [...withoutComments.matchAll(/name="Content-Security-Policy" value="([^"]*)"/g)].map((m) => m[1]);
  expect(policies).toEqual([CSP, EXAMPLE_CSP]);
  expect(withoutComments).toMatch(/<location path="embed-voorbeeld\.html">[\s\S]*frame-src 'self'/);
  expect(withoutComments).toContain('<mimeMap fileExtension=".wasm" mimeType="application/wasm" />');
  expect(withoutComments).toContain('<mimeMap fileExtension=".js" mimeType="text/javascript; charset=utf-8" />');
  expect(withoutComments).toContain('<mimeMap fileExtension=".csv" mimeType="text/csv; charset=utf-8" />');
  expect(withoutComments).toContain('<add name="X-Content-Type-Options" value="nosniff" />');
  expect(withoutComments).toContain('pattern="-[0-9a-f]{12,16}(_bg)?\\.(js|wasm|css)$"');
  expect(withoutComments).not.toMatch(/Access-Control-Allow-Origin|X-Frame-Options/i);
  // What the tested configs refuse, as far as web.config can say it.
  expect(withoutComments).toContain('<requestFiltering removeServerHeader="true">');
  expect(withoutComments).toMatch(/<verbs allowUnlisted="false">\s*<add verb="GET" allowed="true" \/>\s*<add verb="HEAD" allowed="true" \/>\s*<\/verbs>/);
  for (const segment of ['.git', '.env', '.htaccess']) expect(withoutComments).toContain(`<add segment="${segment}" />`);
  for (const extension of ['.bak', '.orig', '.swp']) expect(withoutComments).toContain(`<add fileExtension="${extension}" allowed="false" />`);
  expect(withoutComments).toContain('<add sequence="~" />');
  expect(withoutComments).toContain('<match url="(^|/)\\.(?!well-known/)|(~|\\.(bak|backup|old|orig|rej|save|swo|swp|tmp))$" ignoreCase="true" />');
});
