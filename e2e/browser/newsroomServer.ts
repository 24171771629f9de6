/**
 * A real newsroom server process for the multi-desk specs: its accounts (added with the server's
 * own command), starting and stopping it, and signing a desk in through the desk's dialog.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ROOT } from './fixtures';

const SERVER_ENTRY = path.join(ROOT, 'dist/node/newsroom-server.mjs');

export const PEOPLE = {
  writer: { name: 'Mara Lindqvist', role: 'writer', password: 'mara-password-1' },
  editor: { name: 'Tomas Okafor', role: 'editor', password: 'tomas-password-1' },
} as const;
export type Person = (typeof PEOPLE)[keyof typeof PEOPLE];

export type Server = { child: ChildProcess; port: number; http: string; exited: Promise<unknown> };

/** Starts the server on `port` (0: any free one) and resolves once it listens. */
export async function runServer(dataDir: string, port = 0): Promise<Server> {
  const child = spawn(process.execPath, [SERVER_ENTRY, '--data', dataDir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const actual = await new Promise<number>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`the newsroom server stopped before listening:\n${out}`)));
  });
  return { child, port: actual, http: `http://127.0.0.1:${actual}`, exited };
}

export async function addAccount(dataDir: string, person: Person) {
  const child = spawn(process.execPath, [SERVER_ENTRY, '--data', dataDir, 'account', 'add', '--name', person.name, '--role', person.role], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  child.stdin!.end(`${person.password}\n`);
  expect(await new Promise((resolve) => child.once('exit', resolve)), 'account add').toBe(0);
}

/** Signs the desk in through the connection state's dialog and waits until it is up to date. */
export async function signIn(page: Page, server: Server, person: Person) {
  await page.getByTestId('connection-state').click();
  const dialog = page.getByRole('dialog', { name: 'Newsroom server' });
  await dialog.getByLabel('Server address').fill(server.http);
  await dialog.getByLabel('Name').fill(person.name);
  await dialog.getByLabel('Password').fill(person.password);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('connection-state')).toHaveText('Up to date');
}
