/**
 * A real load balancer for tests and the load bench: Debian's nginx, started in the foreground from
 * a config generated in a temp folder (its own pid, logs and temp paths; a free port on 127.0.0.1)
 * in front of several newsroom server instances.
 *
 * Balancing: `least_conn`. A desk multiplexes all its articles over one WebSocket, so the balancer
 * cannot route by document name; with Redis any instance serves any article, and spreading the
 * long-lived sockets by their count keeps instances evenly loaded. A desk whose instance dies
 * reconnects, and nginx sends it to one that answers (`proxy_next_upstream error`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** nginx's path: $NGINX, Debian's /usr/sbin/nginx, or the first on PATH; undefined when there is none. */
export function findNginx(): string | undefined {
  const candidates = [process.env.NGINX, '/usr/sbin/nginx', ...(process.env.PATH ?? '').split(':').map((dir) => path.join(dir, 'nginx'))];
  return candidates.find((file): file is string => !!file && existsSync(file));
}

/** The upstream and proxy settings a newsroom needs (the README's "Large newsrooms" shows the same). */
export function nginxConfig(options: { dir: string; port: number; upstreams: number[] }): string {
  const { dir, port, upstreams } = options;
  return `# Generated for a test run.
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
worker_rlimit_nofile 16384;
events { worker_connections 8192; }

http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;

  map $http_upgrade $connection_upgrade {
    default upgrade;
    '' close;
  }

  upstream newsroom {
    # One WebSocket per desk carries all its articles: balance the sockets, not documents.
    least_conn;
    zone newsroom 64k;
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}
  }

  server {
    listen 127.0.0.1:${port};
    # Creating an article carries the whole document (the server takes up to 8 MB).
    client_max_body_size 9m;
    location / {
      proxy_pass http://newsroom;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
    }
  }
}
`;
}

export type Balancer = {
  port: number;
  http: string;
  ws: string;
  child: ChildProcess;
  /** nginx's error log so far. */
  log: () => string;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** Starts nginx in front of the instances on `upstreams` (ports on 127.0.0.1). */
export async function startNginx(nginx: string, upstreams: number[]): Promise<Balancer> {
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-nginx-'));
    // Workers run as nobody when the master is root; they only need to reach the temp paths.
    chmodSync(dir, 0o755);
    const port = await freePort();
    const config = path.join(dir, 'nginx.conf');
    writeFileSync(config, nginxConfig({ dir, port, upstreams }));
    const child = spawn(nginx, ['-p', dir, '-c', config, '-e', path.join(dir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const log = () => {
      try {
        return out + readFileSync(path.join(dir, 'error.log'), 'utf8');
      } catch {
        return out;
      }
    };
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // SIGTERM: the master stops its workers (SIGKILL would leave them behind).
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    };
    const started = Date.now();
    while (child.exitCode === null && !(await answers(port))) {
      if (Date.now() - started > 10_000) {
        await stop();
        throw new Error(`nginx did not start listening on ${port}:\n${log()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (child.exitCode === null) return { port, http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}`, child, log, stop };
    const text = log();
    await stop();
    // Another process took the free port between our check and nginx's bind: try another.
    if (attempt < 3 && /Address already in use/.test(text)) continue;
    throw new Error(`nginx exited before listening:\n${text}`);
  }
}
