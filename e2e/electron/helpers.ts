/**
 * Launching the real Electron app for the shell specs. There is no fallback:
 * without an Electron binary the specs skip, loudly, and say they did not run.
 */
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SKIP_REASON = 'SKIPPED: no Electron binary on this machine (electron cannot be downloaded here); Electron specs did not run';

/**
 * The binary `require('electron')` would return, found the same way
 * (node_modules/electron/path.txt, ELECTRON_OVERRIDE_DIST_PATH) but without
 * requiring index.js, which starts a download when the binary is missing.
 */
export function findElectronBinary(): string | undefined {
  const pkgDir = path.join(ROOT, 'node_modules', 'electron');
  let relative: string | undefined;
  try {
    relative = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = undefined;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, relative || 'electron') : relative ? path.join(pkgDir, 'dist', relative) : undefined;
  return candidate && fs.existsSync(candidate) ? candidate : undefined;
}

export const electronBinary = findElectronBinary();
if (!electronBinary) console.warn(`\n*** ${SKIP_REASON} ***\n`);

/** The bundles `npm run build` writes; missing ones are a setup error, not a skip. */
export function assertAppBuilt(): void {
  const missing = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html'].filter((f) => !fs.existsSync(path.join(ROOT, f)));
  if (missing.length > 0) throw new Error(`The app is not built (${missing.join(', ')} missing): run "npm run build" first.`);
}

export type LaunchedApp = { app: ElectronApplication; page: Page; userData: string; close: () => Promise<void> };

/** Starts `electron .` with a fresh userData folder (a new seeded database) and waits for the window. */
export async function launchApp(): Promise<LaunchedApp> {
  if (!electronBinary) throw new Error(SKIP_REASON);
  assertAppBuilt();
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-electron-e2e-'));
  const env = { ...(process.env as Record<string, string>), NEWSROOM_USER_DATA: userData };
  // Chromium refuses to start as root (containers, CI) unless its OS sandbox is off. The
  // renderer's `sandbox` web preference, which the specs check, is a separate setting.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({ executablePath: electronBinary, args: [...rootArgs, ROOT], cwd: ROOT, env, timeout: 30_000 });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    userData,
    close: async () => {
      await app.close().catch(() => undefined);
      fs.rmSync(userData, { recursive: true, force: true });
    },
  };
}
