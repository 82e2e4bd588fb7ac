// Serves a build with Debian's nginx on 127.0.0.1, through the snippet the build wrote for itself
// (dist/_server/nginx.conf, src/deploy/nginx.ts), as a university's server would: in a server
// block whose root holds the build under its base path. Not a daemon: started by the test with its
// own prefix, pid, logs and temp folders in a temporary folder, and stopped after. The build's
// base decides where it sits: "/" → the root is the build; "/ruang-baca/" → the root holds the
// build at ruang-baca/ (a symbolic link).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NGINX_SNIPPET } from '../../src/deploy/server-files.ts';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
/** Debian's libnginx-mod-http-brotli-static puts its module in one of these. */
const BROTLI_MODULES = ['/usr/lib/nginx/modules/ngx_http_brotli_static_module.so', '/usr/share/nginx/modules/ngx_http_brotli_static_module.so'];

export const nginxInstalled = () => existsSync(NGINX);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Nginx {
  /** http://127.0.0.1:<port> (no base). */
  origin: string;
  /** The error log's text so far. */
  errors: () => string;
  stop: () => Promise<void>;
}

export async function startNginx(folder: string, base: string): Promise<Nginx> {
  const site = resolve(folder);
  const module = BROTLI_MODULES.find(existsSync);
  if (!module) throw new Error(`nginx's Brotli module is not installed (${BROTLI_MODULES.join(' or ')}): apt-get install libnginx-mod-http-brotli-static`);
  const dir = mkdtempSync(join(tmpdir(), 'rbntt-nginx-'));
  let root = site;
  if (base !== '/') {
    root = join(dir, 'www');
    const at = join(root, base.slice(1, -1));
    mkdirSync(join(at, '..'), { recursive: true });
    symlinkSync(site, at);
  }
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
${/* Started as root (CI), nginx's workers would run as nobody, who cannot read the test's temporary folders. */ ''}${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
load_module ${module};
events { worker_connections 128; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  sendfile on;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    root ${root};
    include ${join(site, NGINX_SNIPPET)};
  }
}
`,
  );
  const child = spawn(NGINX, ['-p', `${dir}/`, '-c', conf, '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const errors = () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '') + stderr;
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) {
      const why = errors();
      await stop();
      throw new Error(`nginx did not start:\n${why}`);
    }
    try {
      await fetch(`${origin}${base}`, { method: 'HEAD' });
      break;
    } catch {
      if (i > 200) {
        const why = errors();
        await stop();
        throw new Error(`nginx did not answer on ${origin}:\n${why}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { origin, errors, stop };
}
