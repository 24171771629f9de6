/**
 * A library of 100,000 articles stays fast: the same calls the UI makes, through
 * the real dispatcher, at 1,000 and at 100,000 articles. Also reports the
 * slowest single database call seen, since the main process must not block for
 * more than 50 ms while the user types.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createDispatcher } from '../electron/node/ipc/dispatch';
import { createHandlers } from '../electron/node/ipc/handlers';
import { BackupService } from '../electron/node/backup/backupService';
import { DatabaseSession } from '../electron/node/session';
import type { ArticleFields } from '../shared/model/article';
import type { ArticleBody } from '../shared/model/document';
import { paragraphs } from './documents';
import { median, percentile, report, tempDir } from './lib';

const SIZES = [1_000, 100_000];
/** Typing "harbour", "flood" and "council" letter by letter, and whole words. */
const TYPED_PREFIXES = ['h', 'ha', 'har', 'harb', 'f', 'fl', 'flo', 'floo', 'c', 'co', 'cou', 'coun'];
const WHOLE_WORDS = ['harbour', 'flood barrier', 'council', 'storm surge', 'engineers', 'residents'];

const SYLLABLES = 'ka lo mi ne ru sa te vo ba di fe gu ha jo ki lu ma no pe ri so tu va we xi yo za bre cla dro fli gra'.split(' ');
const NEWS = 'harbour flood barrier council vote budget school strike port storm surge election mayor hospital court police fire rail bridge housing tax'.split(
  ' ',
);

/** A deterministic vocabulary of about 30,000 made-up words plus news words, used with a skewed frequency like real text. */
function makeWords(seed: number, count: number): string[] {
  const out: string[] = [];
  let x = seed >>> 0 || 1;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
  for (let i = 0; i < count; i++) {
    if (next() % 5 === 0) {
      out.push(NEWS[next() % NEWS.length]!);
      continue;
    }
    // Low ranks are common: the square skews toward the start of the vocabulary.
    const rank = Math.floor(((next() % 1000) / 1000) ** 2 * 30_000);
    out.push(`${SYLLABLES[rank % 32]}${SYLLABLES[(rank >> 5) % 32]}${rank >= 1024 ? SYLLABLES[(rank >> 10) % 32] : ''}`);
  }
  return out;
}

export function articleFields(i: number): Partial<ArticleFields> {
  const words = makeWords(i + 1, 8 + 160);
  const body: ArticleBody = [0, 1, 2, 3].map((p) => ({
    type: 'paragraph' as const,
    children: [{ text: `${words.slice(8 + p * 40, 8 + (p + 1) * 40).join(' ')}.` }],
  }));
  return { headline: words.slice(0, 8).join(' '), dek: '', body, section: ['News', 'Sport', 'Culture', 'Business'][i % 4]! };
}

type Timed = { channel: string; ms: number };

async function measureAt(size: number, worst: Timed[]): Promise<Record<string, number>> {
  const dir = tempDir(`scale-${size}`);
  const session = new DatabaseSession(path.join(dir, 'newsroom.db'), { seedOnCreate: false });
  try {
    const store = session.store();
    const started = performance.now();
    const ids: string[] = [];
    for (let from = 0; from < size; from += 10_000) {
      store.transaction(() => {
        for (let i = from; i < Math.min(size, from + 10_000); i++) ids.push(store.createArticle(articleFields(i)).id);
      });
    }
    // A few in the trash, as in a real library.
    store.transaction(() => ids.slice(0, Math.ceil(size / 100)).forEach((id) => store.trashArticle(id)));
    report({ name: `scale ${size}: generate the library`, value: (performance.now() - started) / 1000, unit: 's' });

    const dispatch = createDispatcher(createHandlers({ session, info: { appVersion: 'bench', runtime: 'browser-host', platform: process.platform } }), {
      isTrustedSender: () => true,
    });
    const call = async (channel: string, payload: unknown): Promise<{ ms: number; value: unknown }> => {
      const t = performance.now();
      const result = await dispatch(channel, payload, { url: 'bench', isMainFrame: true });
      const ms = performance.now() - t;
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      worst.push({ channel: `${channel} ${JSON.stringify(payload).slice(0, 60)} @${size}`, ms });
      return { ms, value: result.value };
    };
    const times = async (n: number, fn: (i: number) => Promise<{ ms: number }>) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await fn(i)).ms);
      return out;
    };

    const figures: Record<string, number> = {};
    const list = await times(30, () => call('articles:list', { view: 'active', limit: 200 }));
    figures['library list, first page of 200 (median)'] = median(list);
    const trash = await times(10, () => call('articles:list', { view: 'trash', limit: 200 }));
    figures['trash list, first page (median)'] = median(trash);
    const prefix = await times(TYPED_PREFIXES.length * 3, (i) =>
      call('articles:list', { view: 'active', limit: 200, search: TYPED_PREFIXES[i % TYPED_PREFIXES.length] }),
    );
    figures['search as you type, 1–4 letters (p50)'] = median(prefix);
    figures['search as you type, 1–4 letters (p95)'] = percentile(prefix, 95);
    const whole = await times(WHOLE_WORDS.length * 3, (i) =>
      call('articles:list', { view: 'active', limit: 200, search: WHOLE_WORDS[i % WHOLE_WORDS.length] }),
    );
    figures['search for whole words (p50)'] = median(whole);
    figures['search for whole words (p95)'] = percentile(whole, 95);
    const get = await times(50, (i) => call('articles:get', { id: ids[(i * 7919) % ids.length]! }));
    figures['open an article (median)'] = median(get);

    const target = ids[ids.length - 1]!;
    let version = store.getArticle(target).version;
    const body = store.getArticle(target).body;
    const save = await times(30, async (i) => {
      body[0] = { type: 'paragraph', children: [{ text: `Edited while typing ${i}` }] };
      const r = await call('articles:save', { id: target, baseVersion: version, patch: { body } });
      version = (r.value as { version: number }).version;
      return r;
    });
    figures['save a typical article (median)'] = median(save);

    const long = store.createArticle({ headline: 'A very long article', body: paragraphs(1_000) });
    let longVersion = long.version;
    const longBody = long.body;
    const longSave = await times(10, async (i) => {
      longBody[i] = { type: 'paragraph', children: [{ text: `Edited paragraph ${i}` }] };
      const r = await call('articles:save', { id: long.id, baseVersion: longVersion, patch: { body: longBody } });
      longVersion = (r.value as { version: number }).version;
      return r;
    });
    figures['save a 1,000-paragraph article (median)'] = median(longSave);

    for (const [name, value] of Object.entries(figures)) report({ name: `scale ${size}: ${name}`, value, unit: 'ms' });

    // A backup runs in a worker thread: how long it takes, and the longest the main thread stalls meanwhile.
    const backups = new BackupService({ session });
    backups.setFolder(path.join(dir, 'backups'));
    let stall = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      stall = Math.max(stall, now - last - 5);
      last = now;
    }, 5);
    const backupStarted = performance.now();
    await backups.backupNow('manual');
    clearInterval(tick);
    report({ name: `scale ${size}: back up and verify the database`, value: performance.now() - backupStarted, unit: 'ms' });
    report({ name: `scale ${size}: longest main-thread stall during the backup`, value: stall, unit: 'ms', note: 'goal ≤ 50' });
    return figures;
  } finally {
    session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function scaleBench(): Promise<void> {
  const worst: Timed[] = [];
  const [small, large] = [await measureAt(SIZES[0]!, worst), await measureAt(SIZES[1]!, worst)];
  for (const name of Object.keys(small!)) {
    report({ name: `scale: ${name}, 100,000 vs 1,000`, value: large![name]! / small![name]!, unit: '×', note: 'goal ≤ 3' });
  }
  const slowest = worst.filter((w) => w.channel.endsWith(`@${SIZES[1]}`)).sort((a, b) => b.ms - a.ms)[0]!;
  report({ name: 'scale 100000: slowest single call', value: slowest.ms, unit: 'ms', note: `${slowest.channel}; goal ≤ 50` });
}
