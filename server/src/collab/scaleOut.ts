/**
 * Several server instances in front of one PostgreSQL: `@hocuspocus/extension-redis` relays each
 * document's changes (and awareness) between the instances that have it open, so desks connected to
 * different instances edit the same article live. Any instance can serve any article.
 *
 * What the extension does not relay, a channel of our own does: a status change made through one
 * instance changes the access of connections on every instance, and a sign-out ends the session's
 * connections everywhere. Each instance acts on its own connections when it hears of it.
 *
 * Storing does not rely on Redis: every accepted update is appended to the database before it is
 * acknowledged (newsroomExtension.ts), and a stored state is merged, under a row lock, with the one
 * already in the database instead of replacing it, so an instance whose copy lags behind cannot undo
 * another's (storage/documents.ts). The extension's own store lock is left out (see ScaledRedis).
 */
import { Redis, type RedisInstance } from '@hocuspocus/extension-redis';

export type RedisOptions = {
  /** `redis://[user:password@]host[:port][/db]`, or `rediss://` for TLS. */
  url: string;
  /** Namespace of this newsroom's keys and channels, so several newsrooms (or tests) share one Redis. */
  prefix: string;
};

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_REDIS_PREFIX = 'newsroom';

/** What one instance tells the others. */
export type ClusterEvent = { type: 'access'; articleId: string } | { type: 'session-ended'; tokenHash: string; reason: string };

/** How long starting up waits for Redis to answer before giving up with a sentence. */
const CONNECT_TIMEOUT_MS = 5_000;

/** The connection settings ioredis takes, from a redis:// URL. */
export function redisConnection(url: string): { host: string; port: number; options: Record<string, unknown> } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`“${url}” is not a Redis address: use redis://host:6379.`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new Error(`A Redis address starts with redis:// or rediss://, not ${parsed.protocol}//.`);
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new Error(`The Redis database in “${url}” must be a number, e.g. redis://host:6379/0.`);
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : 6379,
    options: {
      ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
      ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
      ...(db ? { db: Number(db) } : {}),
      ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  };
}

/** The address for logs, without its password. */
export function describeRedis(options: RedisOptions): string {
  try {
    const url = new URL(options.url);
    if (url.password) url.password = '***';
    return `Redis at ${url.toString()} (prefix “${options.prefix}”)`;
  } catch {
    return 'Redis';
  }
}

/**
 * The Redis extension without its store lock. That lock (a 1 s Redlock, no retry) only keeps two
 * instances from storing the same document at the same moment; it does not order their stores, so it
 * would not stop a lagging copy from replacing a newer one (the database's merge does). An instance
 * that loses the race skips its store, leaving its appended updates uncompacted until its next one,
 * and Hocuspocus logs an error each time.
 */
class ScaledRedis extends Redis {
  override async onStoreDocument(): Promise<void> {}
  override async afterStoreDocument(): Promise<void> {}

  /**
   * Subscribing to a document's channel waits for Redis; while Redis is down, that held up every
   * desk opening an article this instance did not have open yet. It waits a moment, then the
   * document opens anyway: the subscription goes through when Redis is back, and the next change
   * brings the instances' copies together (the extension exchanges state vectors, not updates).
   */
  override async afterLoadDocument(payload: Parameters<Redis['afterLoadDocument']>[0]): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscribed = super.afterLoadDocument(payload);
    subscribed.catch(() => undefined);
    try {
      await Promise.race([subscribed, new Promise<void>((resolve) => (timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS)))]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** How long opening a document waits for Redis to subscribe to its channel (see ScaledRedis). */
const SUBSCRIBE_WAIT_MS = 1_000;

export class ScaleOut {
  private readonly listeners = new Set<(event: ClusterEvent) => void>();

  private constructor(
    /** The Hocuspocus extension to run before ours (its priority is higher). */
    readonly extension: Redis,
    private readonly events: RedisInstance,
    private readonly channel: string,
    private readonly log: (line: string) => void,
  ) {
    events.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      let message: { from?: unknown; event?: ClusterEvent };
      try {
        message = JSON.parse(text);
      } catch {
        return;
      }
      if (message.from === this.identifier || !message.event) return;
      for (const listener of this.listeners) listener(message.event);
    });
  }

  static async connect(options: RedisOptions, log: (line: string) => void): Promise<ScaleOut> {
    const { host, port, options: clientOptions } = redisConnection(options.url);
    const extension = new ScaledRedis({ host, port, options: clientOptions, prefix: options.prefix });
    const events = extension.pub.duplicate();
    // Without listeners ioredis prints every failed reconnection attempt; one line per new problem is enough.
    let lastProblem = '';
    for (const client of [extension.pub, extension.sub, events]) {
      client.on('error', (error: Error) => {
        if (error.message === lastProblem) return;
        lastProblem = error.message;
        log(`Redis: ${error.message} (retrying; desks on other instances do not see this instance’s changes meanwhile).`);
      });
      client.on('ready', () => (lastProblem = ''));
    }
    const channel = `${options.prefix}:newsroom-events`;
    const scaleOut = new ScaleOut(extension, events, channel, log);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        Promise.all([extension.pub.ping(), events.subscribe(channel)]),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`Redis did not answer at ${options.url} within ${CONNECT_TIMEOUT_MS / 1000} s.`)), CONNECT_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      await scaleOut.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    return scaleOut;
  }

  private get identifier(): string {
    return this.extension.configuration.identifier;
  }

  /** Tells the other instances; a lost message costs only promptness (see the callers' fallbacks). */
  publish(event: ClusterEvent): void {
    this.extension.pub
      .publish(this.channel, JSON.stringify({ from: this.identifier, event }))
      .catch((error: Error) => this.log(`Redis: telling the other instances failed (${error.message}).`));
  }

  onEvent(listener: (event: ClusterEvent) => void): void {
    this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    // Not the extension's onDestroy: its QUIT waits for a Redis that may be gone.
    for (const client of [this.events, this.extension.pub, this.extension.sub]) client.disconnect(false);
  }
}
