import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Debian's Chromium: Playwright cannot download its own browsers here. */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const browserUse = {
  browserName: 'chromium' as const,
  launchOptions: {
    ...(existsSync(chromium) ? { executablePath: chromium } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  },
  viewport: { width: 1280, height: 900 },
  // No trace by default: recording one snapshots the whole DOM at every action and films the page,
  // which doubled the time of the long flows here (review cycle 18 s → 29 s, a 10,000-block article
  // 11 s → 27 s) and pushed them past their budget on a loaded machine. A failing test still leaves
  // its screenshot and page snapshot; for a trace, run it again with `--trace on`.
  trace: 'off' as const,
  screenshot: 'only-on-failure' as const,
};

const TEAM_SPECS = ['**/team-sync.spec.ts', '**/newsroom-library.spec.ts', '**/revisions.spec.ts'];

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  reporter: process.env.PW_REPORTER === 'json' ? [['json', { outputFile: 'test-results/e2e.json' }], ['list']] : 'list',
  outputDir: 'test-results/e2e',
  projects: [
    { name: 'browser', testDir: 'e2e/browser', testIgnore: TEAM_SPECS, use: browserUse },
    // Specs with several desks and a newsroom server run one at a time (beside one single-desk spec):
    // each starts a server, two or three desk hosts and pages, and two of them at once on 2 cores
    // took over twice as long as alone.
    { name: 'team', testDir: 'e2e/browser', testMatch: TEAM_SPECS, workers: 1, use: browserUse },
    { name: 'electron', testDir: 'e2e/electron' },
  ],
});
