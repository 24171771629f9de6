/**
 * What only the Electron shell has: window security, the preload API, the
 * app:// origin and its CSP, navigation limits, and the close handshake. The
 * editor itself is covered by the browser specs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { PRELOAD_API_KEYS, type DesktopApi } from '../../electron/preload/apiKeys';
import { electronBinary, launchApp, SKIP_REASON, type LaunchedApp } from './helpers';

test.skip(!electronBinary, SKIP_REASON);

type AppWindow = Window & { newsroom: DesktopApi };

test.describe('Electron shell', () => {
  test.describe.configure({ mode: 'serial' });
  let launched: LaunchedApp;

  test.beforeAll(async () => {
    launched = await launchApp();
  });
  test.afterAll(async () => {
    await launched?.close();
  });

  test('serves the UI from app://newsroom', async () => {
    expect(launched.page.url()).toMatch(/^app:\/\/newsroom\//);
  });

  test('runs the renderer isolated and sandboxed, without Node', async () => {
    // getLastWebPreferences() is Electron's (undocumented, untyped) view of what the renderer really got.
    const prefs = await launched.app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null } | undefined;
      return contents?.getLastWebPreferences() ?? null;
    });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
    });
  });

  test('exposes exactly the named API and nothing of Node or Electron', async () => {
    const keys = await launched.page.evaluate(() => Object.keys((window as unknown as AppWindow).newsroom).sort());
    expect(keys).toEqual([...PRELOAD_API_KEYS].sort());
    const globals = await launched.page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        Buffer: typeof w.Buffer,
        ipcRenderer: typeof w.ipcRenderer,
        electron: typeof w.electron,
      };
    });
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
    });
  });

  test('answers IPC through the preload with a typed result', async () => {
    const status = await launched.page.evaluate(() => (window as unknown as AppWindow).newsroom.dbStatus({}));
    expect(status).toMatchObject({ ok: true, value: { state: 'open' } });
    const info = await launched.page.evaluate(() => (window as unknown as AppWindow).newsroom.appInfo({}));
    expect(info).toMatchObject({ ok: true, value: { runtime: 'electron' } });
  });

  test('enforces the CSP: no eval, no inline script', async () => {
    const outcome = await launched.page.evaluate(() => {
      let evalRan = false;
      try {
        // oxlint-disable-next-line no-eval -- the point: the page's CSP must refuse it
        evalRan = (0, eval)('true') === true;
      } catch {
        evalRan = false;
      }
      const marker = window as unknown as { __inlineRan?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return { evalRan, inlineRan: marker.__inlineRan === true };
    });
    expect(outcome).toEqual({ evalRan: false, inlineRan: false });
  });

  test('blocks navigation away from the app', async () => {
    const before = launched.page.url();
    await launched.page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await launched.page.waitForTimeout(500);
    expect(launched.page.url()).toBe(before);
  });

  test('never opens a second window; only safe links go to the browser', async () => {
    // Record instead of launching the desktop's browser.
    await launched.app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as { __opened?: string[] }).__opened = opened;
      shell.openExternal = async (url: string) => {
        opened.push(url);
      };
    });
    const results = await launched.page.evaluate(() =>
      [window.open('https://example.com/story'), window.open('file:///etc/passwd'), window.open('app://newsroom/index.html')].map((w) => w === null),
    );
    expect(results).toEqual([true, true, true]);
    await launched.page.waitForTimeout(300);
    expect(launched.app.windows()).toHaveLength(1);
    const opened = await launched.app.evaluate(() => (globalThis as { __opened?: string[] }).__opened ?? []);
    expect(opened).toEqual(['https://example.com/story']);
  });

  test('refuses a path the page names; only ids of paths main picked or offers', async () => {
    const results = await launched.page.evaluate(async () => {
      const api = (window as unknown as AppWindow).newsroom as unknown as Record<string, (r: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>;
      return [
        await api.openDatabase!({ path: '/etc/passwd' }),
        await api.openDatabase!({ pathId: '/etc/passwd' }),
        await api.setBackupFolder!({ folder: '/tmp' }),
        await api.startExport!({ articleIds: ['a'], formats: ['md'], folder: '/tmp' }),
      ].map((r) => r.error?.code);
    });
    expect(results).toEqual(['INVALID_PAYLOAD', 'INVALID_PAYLOAD', 'INVALID_PAYLOAD', 'INVALID_PAYLOAD']);
  });

  test('logs to main.log in the logs folder, and Help offers Show Log File', async () => {
    const logsDir = await launched.app.evaluate(({ app }) => app.getPath('logs'));
    await expect.poll(() => fs.existsSync(path.join(logsDir, 'main.log'))).toBe(true);
    expect(fs.readFileSync(path.join(logsDir, 'main.log'), 'utf8')).toMatch(/\[info\] Newsroom Desk .* starting/);
    const help = await launched.app.evaluate(({ Menu }) =>
      Menu.getApplicationMenu()
        ?.items.find((i) => i.role === 'help')
        ?.submenu?.items.map((i) => i.label),
    );
    expect(help).toContain('Show Log File');
  });

  test('creates an article from the UI', async () => {
    const { page } = launched;
    // A new desk asks who is working, in a modal card; put it off.
    await page.getByRole('dialog', { name: 'Welcome to the desk' }).getByRole('button', { name: 'Later' }).click();
    await page.getByRole('button', { name: 'New article' }).first().click();
    await expect(page.getByLabel('Headline')).toBeVisible();
  });
});

test.describe('closing the window', () => {
  test('waits for the page to flush, then closes', async () => {
    const launched = await launchApp();
    try {
      const flushRequests: string[] = [];
      launched.page.on('console', (message) => {
        if (message.text() === 'e2e: flush requested') flushRequests.push(message.text());
      });
      await launched.page.evaluate(() => {
        const api = (window as unknown as AppWindow).newsroom;
        api.onBeforeClose(() => {
          console.log('e2e: flush requested');
          api.notifyFlushed();
        });
      });
      const closed = new Promise<void>((resolve) => launched.app.once('close', () => resolve()));
      const started = Date.now();
      await launched.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
      await closed;
      expect(flushRequests).toEqual(['e2e: flush requested']);
      // Well under the 2 s fallback: the page's notifyFlushed() released the window.
      expect(Date.now() - started).toBeLessThan(1_800);
    } finally {
      await launched.close();
    }
  });

  test('closes after the timeout when the page never answers', async () => {
    const launched = await launchApp();
    try {
      const closed = new Promise<void>((resolve) => launched.app.once('close', () => resolve()));
      await launched.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
      await closed;
    } finally {
      await launched.close();
    }
  });
});
