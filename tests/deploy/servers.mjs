// Runs deploy/nginx.conf and deploy/apache.conf in Debian's nginx and apache2, as the
// current user (no root needed, no system service used): each start gets its own directory
// under target/deploy/ with the generated main config, pid file, logs and temp files, and
// listens on a free port on 127.0.0.1.
//
// The site config is the file in deploy/ itself, with only its placeholders replaced: the
// listen address and /var/www/rekenhulp (→ a copy of dist/, below). A replacement that
// finds nothing throws, so the test never runs a config other than the one shipped.
//
// The servers serve a copy of the build, never the build itself. Started by root (as CI
// and most containers do), Debian's nginx and apache2 run their workers as nobody and
// www-data, and those cannot read a clone in a private folder (mode 700: /root, anything
// from mktemp -d): every request was a 403. Running the workers as the invoking user is
// no way out, since apache2 refuses to run them as root. So each server gets a
// world-readable copy in a fresh directory under a world-traversable temporary folder
// outside the clone (/tmp unless TMPDIR is one), removed when it stops. That is also how a
// gemeente's server reads it (a copy in /var/www, read by www-data), and it lets a test add
// files to what is served (dotfiles, links) without touching dist/.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const DIST = process.env.DEPLOY_DIST ?? join(ROOT, 'dist');
const RUNS = process.env.DEPLOY_RUNS ?? join(ROOT, 'target', 'deploy');
const SITE_DIR = '/var/www/rekenhulp';
export const SUBPATH = '/afdeling/rekenhulp/';

/** A port nothing listens on right now, on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** `text` with every `from` replaced by `to`; throws when there is none. */
function replaceAll(text, from, to, file) {
  const parts = text.split(from);
  if (parts.length < 2) throw new Error(`${file} no longer contains ${JSON.stringify(from)}; update tests/deploy/servers.mjs`);
  return parts.join(to);
}

function runDir(name) {
  mkdirSync(RUNS, { recursive: true });
  const dir = mkdtempSync(join(RUNS, `${name}-`));
  for (const sub of ['logs', 'tmp', 'run']) mkdirSync(join(dir, sub));
  return dir;
}

const isRoot = process.getuid?.() === 0;

/** `dir` and every folder above it may be passed through by any user (o+x). */
function traversable(dir) {
  for (let at = dir; ; at = dirname(at)) {
    if (!existsSync(at) || (statSync(at).mode & 0o001) === 0) return false;
    if (at === dirname(at)) return true;
  }
}

/** A world-readable copy of `dist` in a new directory outside the clone (see the top). */
function servedCopy(dist) {
  const parent = [process.env.DEPLOY_SERVE_DIR, tmpdir(), '/tmp'].find((d) => d && traversable(d));
  if (!parent) throw new Error('no world-traversable temporary folder for the served copy; set DEPLOY_SERVE_DIR');
  // Its real path: nginx refuses a path with a link in it (disable_symlinks).
  const dir = mkdtempSync(join(realpathSync(parent), 'rekenhulp-deploy-'));
  copies.add(dir);
  const site = join(dir, 'rekenhulp');
  cpSync(dist, site, { recursive: true });
  const open = (path) => {
    const directory = statSync(path).isDirectory();
    chmodSync(path, directory ? 0o755 : 0o644);
    if (directory) readdirSync(path).forEach((name) => open(join(path, name)));
  };
  chmodSync(dir, 0o755);
  open(site);
  return { dir, site };
}

/** Every server still running, and every served copy; killed and removed if this process
 * ends without stopping them (DEPLOY_KEEP=1 keeps the copies). */
const running = new Set();
const copies = new Set();
process.on('exit', () => {
  running.forEach((child) => child.kill('SIGKILL'));
  if (!process.env.DEPLOY_KEEP) copies.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

/** deploy/nginx.conf inside a main config like Debian's /etc/nginx/nginx.conf. */
function nginxConfig(dir, port, dist) {
  let site = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
  site = replaceAll(site, '    listen 80;\n', `    listen 127.0.0.1:${port};\n`, 'deploy/nginx.conf');
  // IPv6 loopback may be missing on a test machine; the IPv4 listen is what is tested.
  site = replaceAll(site, '    listen [::]:80;\n', '', 'deploy/nginx.conf');
  site = replaceAll(site, SITE_DIR, dist, 'deploy/nginx.conf');
  writeFileSync(join(dir, 'site.conf'), site);
  writeFileSync(join(dir, 'nginx.conf'), `# Generated by tests/deploy/servers.mjs: Debian's nginx.conf, minus root and /var.
daemon off;
worker_processes 1;
pid ${dir}/run/nginx.pid;
error_log ${dir}/logs/error.log warn;
# As Debian: the packaged modules (libnginx-mod-http-brotli-static puts its load_module here).
include /etc/nginx/modules-enabled/*.conf;
events { worker_connections 128; }
http {
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    # Commented out in Debian's file; deploy/README.md tells the admin to set it.
    server_tokens off;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${dir}/logs/access.log;
    gzip on;
    client_body_temp_path ${dir}/tmp/body;
    proxy_temp_path ${dir}/tmp/proxy;
    fastcgi_temp_path ${dir}/tmp/fastcgi;
    uwsgi_temp_path ${dir}/tmp/uwsgi;
    scgi_temp_path ${dir}/tmp/scgi;
    include ${dir}/site.conf;
}
`);
  return ['/usr/sbin/nginx', ['-c', `${dir}/nginx.conf`, '-e', `${dir}/logs/error.log`]];
}

/** The modules Debian enables by default that matter here, plus `a2enmod rewrite headers brotli`. */
const APACHE_MODULES = [
  'mpm_event', 'authz_core', 'authz_host', 'mime', 'dir', 'alias', 'env', 'setenvif',
  'filter', 'deflate', 'rewrite', 'headers', 'brotli',
];

const SECURITY_CONF = '/etc/apache2/conf-available/security.conf';

/** deploy/apache.conf inside a main config like Debian's /etc/apache2/apache2.conf. */
function apacheConfig(dir, port, dist) {
  let site = readFileSync(join(ROOT, 'deploy/apache.conf'), 'utf8');
  site = replaceAll(site, '<VirtualHost *:80>', `<VirtualHost 127.0.0.1:${port}>`, 'deploy/apache.conf');
  site = replaceAll(site, SITE_DIR, dist, 'deploy/apache.conf');
  writeFileSync(join(dir, 'site.conf'), site);
  const includes = APACHE_MODULES.flatMap((m) => {
    const lines = [`Include /etc/apache2/mods-available/${m}.load`];
    if (existsSync(`/etc/apache2/mods-available/${m}.conf`)) lines.push(`Include /etc/apache2/mods-available/${m}.conf`);
    return lines;
  });
  writeFileSync(join(dir, 'apache2.conf'), `# Generated by tests/deploy/servers.mjs: Debian's apache2.conf, minus root and /var.
ServerRoot ${dir}
DefaultRuntimeDir ${dir}/run
PidFile ${dir}/run/apache2.pid
ErrorLog ${dir}/logs/error.log
LogLevel warn
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
${includes.join('\n')}
StartServers 1
ServerLimit 2
ThreadsPerChild 16
MaxRequestWorkers 32
${isRoot ? 'User www-data\nGroup www-data' : '# Not root: the children run as this user.'}
<Directory />
    Options FollowSymLinks
    AllowOverride None
    Require all denied
</Directory>
AccessFileName .htaccess
<FilesMatch "^\.ht">
    Require all denied
</FilesMatch>
# Debian enables conf-available/security.conf (ServerTokens OS, ServerSignature On, …);
# deploy/README.md tells the admin to set ServerTokens Prod in it, which only works there.
# Its other advice for that file (ServerSignature Off) is left out here, so that the test
# sees apache.conf's own ServerSignature Off at work.
${existsSync(SECURITY_CONF) ? `Include ${SECURITY_CONF}` : '# (no security.conf here)'}
ServerTokens Prod
LogFormat "%h %l %u %t \\"%r\\" %>s %O \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined
CustomLog ${dir}/logs/access.log combined
Include ${dir}/site.conf
`);
  return ['/usr/sbin/apache2', ['-d', dir, '-f', `${dir}/apache2.conf`, '-DFOREGROUND']];
}

const CONFIGS = { nginx: nginxConfig, apache: apacheConfig };

/** Waits until `url` answers, or the process has died. */
async function ready(url, child, logs) {
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) break;
    try {
      await fetch(url, { method: 'HEAD' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`${url} did not start (exit ${child.exitCode}).\n${logs()}`);
}

/**
 * Starts `name` ('nginx' or 'apache') with its deploy/ config on a free port, serving a
 * copy of `dist` (default: the build under test). Returns { origin, root, sub, dir, site,
 * logs, stop }: root and sub are the calculator's URLs at the site root and under the
 * sub-path; site is the served copy (a test may add files to it); logs() is what the
 * server printed and its error log.
 */
export async function startDeployServer(name, { dist = DIST } = {}) {
  const dir = runDir(name);
  const port = await freePort();
  const served = servedCopy(dist);
  const [command, args] = CONFIGS[name](dir, port, served.site);
  const output = [];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  child.stdout.on('data', (d) => output.push(String(d)));
  child.stderr.on('data', (d) => output.push(String(d)));
  const logs = () => {
    const log = join(dir, 'logs/error.log');
    return `${output.join('')}${existsSync(log) ? readFileSync(log, 'utf8') : ''}`;
  };
  await new Promise((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (e) => reject(new Error(`${command}: ${e.message} (run scripts/setup.sh)`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  await ready(`${origin}/`, child, logs);
  return {
    origin,
    root: `${origin}/`,
    sub: `${origin}${SUBPATH}`,
    dir,
    site: served.site,
    logs,
    // Stops the server, removes its directory and the served copy (DEPLOY_KEEP=1 keeps
    // both, logs included).
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise((resolve) => {
          child.once('exit', resolve);
          // Both stop at once on SIGTERM (nginx: fast shutdown; apache2: stop), workers included.
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        });
      }
      if (!process.env.DEPLOY_KEEP) {
        rmSync(dir, { recursive: true, force: true });
        rmSync(served.dir, { recursive: true, force: true });
        copies.delete(served.dir);
      }
    },
  };
}
