/** Shared pieces of `npm run bench`: reporting, statistics, a real host and Chromium. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../electron/browser-host/server';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const JSON_OUTPUT = process.argv.includes('--json');

export type Figure = { name: string; value: number; unit: string; note?: string };

export function report(figure: Figure): void {
  const value = Math.round(figure.value * 100) / 100;
  if (JSON_OUTPUT) console.log(JSON.stringify({ ...figure, value }));
  else console.log(`${figure.name.padEnd(52)} ${String(value).padStart(10)} ${figure.unit}${figure.note ? `  (${figure.note})` : ''}`);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (values: number[]) => percentile(values, 50);

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `newsroom-bench-${prefix}-`));
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({
    ...(fs.existsSync(executablePath) ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function startHost(dir: string): Promise<BrowserHost> {
  return startBrowserHost({ dbPath: path.join(dir, 'newsroom.db'), rendererDir: path.join(ROOT, 'dist/renderer'), seedOnCreate: false });
}

const WORDS = (
  'the council voted on thursday to fund a movable flood barrier across the inner port after a decade of argument ' +
  'over how to protect the old town from storm surges residents said the harbour had flooded three winters in a row ' +
  'engineers expect the gates to rise when a surge is forecast and to rest on the seabed the rest of the year'
).split(' ');

/** Deterministic, realistic paragraph text. */
export function sentence(seed: number, words = 40): string {
  const out: string[] = [];
  let x = seed * 2654435761;
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length]!);
  }
  const s = out.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}
