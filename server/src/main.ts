/**
 * `newsroom-server`: runs a newsroom server, or manages its accounts.
 *
 *   newsroom-server --data DIR [--port 4567] [--host H] [--cert FILE --key FILE] [--trust-proxy]
 *   newsroom-server --postgres URL [--redis [URL]] [--redis-prefix NAME] …   (several instances, scaled out)
 *   newsroom-server --data DIR account add --name NAME --role writer|editor [--password PW]
 *   newsroom-server --data DIR account list [--json] | disable | enable | role | reset-password
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { runAccountCommand, UsageError } from './cli/accountCommand';
import { DEFAULT_REDIS_PREFIX, DEFAULT_REDIS_URL, describeRedis, type RedisOptions } from './collab/scaleOut';
import { startServer } from './server';
import { describeLocation, openStorage, type StorageLocation } from './storage/storage';

const HELP = `newsroom-server: the server that desks of one newsroom sync with.

  newsroom-server --data DIR [--port 4567] [--host ADDRESS] [--cert FILE --key FILE] [--trust-proxy]
  newsroom-server --postgres URL [same options] [--redis [URL]] [--redis-prefix NAME]

  newsroom-server --data DIR account add --name NAME --role writer|editor [--password PW]
  newsroom-server --data DIR account list [--json]
  newsroom-server --data DIR account disable|enable --name NAME
  newsroom-server --data DIR account role --name NAME --role writer|editor
  newsroom-server --data DIR account reset-password --name NAME [--password PW]

--data keeps everything in an SQLite file in DIR (created when missing); --postgres uses a PostgreSQL
database instead. Without --password the password is asked for (or read from standard input).
The server listens on 127.0.0.1 unless --host is given, or on every address with --cert/--key (wss://).
--redis lets several instances sharing one PostgreSQL database serve the same articles: it takes the
Redis address (redis://host:6379), else $REDIS_URL, else ${DEFAULT_REDIS_URL}. Instances of one newsroom use
the same --redis-prefix (default "${DEFAULT_REDIS_PREFIX}").`;

const print = (line: string) => process.stdout.write(`${line}\n`);
const fail = (message: string): never => {
  process.stderr.write(`newsroom-server: ${message}\n`);
  process.exit(2);
};

/** `--redis` may come without its URL: then it means $REDIS_URL or the default. */
function withRedisUrl(args: string[]): string[] {
  const out = [...args];
  const i = out.indexOf('--redis');
  if (i >= 0 && !/^rediss?:\/\//i.test(out[i + 1] ?? '')) out.splice(i + 1, 0, process.env.REDIS_URL || DEFAULT_REDIS_URL);
  return out;
}

function parse() {
  try {
    return parseArgs({
      args: withRedisUrl(process.argv.slice(2)),
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        postgres: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        cert: { type: 'string' },
        key: { type: 'string' },
        'trust-proxy': { type: 'boolean' },
        redis: { type: 'string' },
        'redis-prefix': { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${HELP}`);
  }
}

/** A password from the terminal without echo, or the first line of standard input when piped. */
function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    return new Promise((resolve) => {
      const rl = createInterface({ input });
      let answered = false;
      rl.once('line', (line) => {
        answered = true;
        rl.close();
        resolve(line);
      });
      rl.once('close', () => {
        if (!answered) resolve('');
      });
    });
  }
  return new Promise((resolve) => {
    process.stdout.write(prompt);
    input.setRawMode(true);
    input.resume();
    let value = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stdout.write('\n');
          return resolve(value);
        }
        if (char === '\u0003') process.exit(130);
        if (char === '\u007f') value = value.slice(0, -1);
        else value += char;
      }
    };
    input.on('data', onData);
  });
}

function location(values: { data?: string; postgres?: string }): StorageLocation {
  if (values.data && values.postgres) fail('Give either --data DIR or --postgres URL, not both.');
  if (values.postgres) return { kind: 'postgres', url: values.postgres };
  if (values.data) return { kind: 'sqlite', dataDir: values.data };
  return fail(`Say where the newsroom's data lives: --data DIR (SQLite) or --postgres URL.\n\n${HELP}`);
}

async function main(): Promise<void> {
  const { values, positionals } = parse();
  if (values.help) {
    print(HELP);
    return;
  }
  const where = location(values);

  if (positionals[0] === 'account') {
    const storage = await openStorage(where);
    try {
      print(
        await runAccountCommand(
          storage,
          { action: positionals[1] ?? '', name: values.name, role: values.role, password: values.password, json: values.json ?? false },
          readPassword,
        ),
      );
    } finally {
      await storage.close();
    }
    return;
  }
  if (positionals.length > 0) fail(`Unknown command “${positionals[0]}”.\n\n${HELP}`);

  const port = values.port === undefined ? 4567 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port takes a port number (0 picks a free one).');
  if (!!values.cert !== !!values.key) fail('Give both --cert FILE and --key FILE to serve wss://, or neither.');
  let tls: { cert: Buffer; key: Buffer } | undefined;
  try {
    tls = values.cert && values.key ? { cert: readFileSync(values.cert), key: readFileSync(values.key) } : undefined;
  } catch (error) {
    fail(`The certificate or key could not be read: ${(error as Error).message}`);
  }
  const host = values.host ?? (tls ? '0.0.0.0' : '127.0.0.1');

  if (values['redis-prefix'] !== undefined && values.redis === undefined) fail('--redis-prefix goes with --redis.');
  const prefix = values['redis-prefix'] ?? DEFAULT_REDIS_PREFIX;
  if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(prefix)) fail('--redis-prefix takes letters, digits and _ . : - only.');
  const redis: RedisOptions | undefined = values.redis === undefined ? undefined : { url: values.redis, prefix };
  if (redis && where.kind === 'sqlite') fail('--redis is for several instances sharing one PostgreSQL database: use --postgres URL.');

  // An operator's knob, not an option: how soon a session revoked where no event reaches (another
  // instance without Redis, a revocation made in the database) closes its connections.
  const sweep = process.env.NEWSROOM_SESSION_SWEEP_MS;
  const sessionSweepMs = sweep === undefined ? undefined : Number(sweep);
  if (sessionSweepMs !== undefined && !(Number.isInteger(sessionSweepMs) && sessionSweepMs >= 100))
    fail('NEWSROOM_SESSION_SWEEP_MS takes a number of milliseconds, 100 or more.');

  // Another knob: how far apart periodic snapshots of an article being edited are (revisionService.ts).
  const interval = process.env.NEWSROOM_REVISION_INTERVAL_MS;
  const revisionIntervalMs = interval === undefined ? undefined : Number(interval);
  if (revisionIntervalMs !== undefined && !(Number.isInteger(revisionIntervalMs) && revisionIntervalMs >= 0))
    fail('NEWSROOM_REVISION_INTERVAL_MS takes a number of milliseconds, 0 or more.');

  const storage = await openStorage(where);
  const server = await startServer({ storage, host, port, tls, trustProxy: values['trust-proxy'] ?? false, redis, sessionSweepMs, revisionIntervalMs }).catch(
    async (error: unknown) => {
      await storage.close();
      throw error;
    },
  );
  const scaled = redis ? `, scaled out through ${describeRedis(redis)}` : '';
  print(`newsroom-server: listening on ${server.url} (WebSocket ${server.url.replace(/^http/, 'ws')}), ${describeLocation(where)}${scaled}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server
      .stop()
      .then(() => {
        print(`newsroom-server: stopped (${signal}); every document stored.`);
        process.exit(0);
      })
      .catch((error: Error) => {
        process.stderr.write(`newsroom-server: stopping failed: ${error.message}\n`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// A failed promise somewhere in a hook is logged, not fatal: acknowledged updates are already stored.
process.on('unhandledRejection', (reason) => process.stderr.write(`newsroom-server: ${(reason as Error)?.stack ?? reason}\n`));

main().catch((error: unknown) => {
  if (error instanceof UsageError) fail(error.message);
  const e = error as { code?: string; message?: string };
  if (e.code === 'EADDRINUSE') fail('The port is already in use: pick another with --port.');
  if (e.code === 'ECONNREFUSED' || e.code === '28P01' || e.code === '3D000') fail(`PostgreSQL refused the connection: ${e.message}`);
  fail(e.message ?? String(error));
});
