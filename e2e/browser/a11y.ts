/**
 * Accessibility checks for the end-to-end tests: axe-core over the page (or a
 * part of it) against WCAG 2.2 AA, failing on serious or critical findings
 * with a readable list of what and where.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Rules the tags leave out (experimental or best practice) that the desk
 * keeps at any impact: a visible label inside the accessible name, one
 * level-one heading per view, scrollable regions the keyboard can reach.
 */
const ALWAYS_RULES = ['label-content-name-mismatch', 'page-has-heading-one', 'scrollable-region-focusable', 'aria-allowed-attr'];

/** Runs axe on the page as it is now; `view` names it in the failure message. */
export async function expectNoA11yViolations(page: Page, view: string, options: { include?: string; exclude?: string[] } = {}) {
  // One run: the tags, plus the named rules switched on by id (axe runs a rule enabled in
  // `rules` whatever the tags say). Legacy mode runs axe in the page itself: the default opens a
  // second page to merge frame results, which took 1.5–4 s a check on a busy machine (the audit
  // itself takes 0.2 s) and put the longer walks past their time limit; the desk has no
  // cross-origin frames for that mode to reach.
  let builder = new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ rules: Object.fromEntries(ALWAYS_RULES.map((id) => [id, { enabled: true }])) })
    .withTags(WCAG_TAGS);
  if (options.include) builder = builder.include(options.include);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const ran = new Set([...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((r) => r.id));
  expect(
    ALWAYS_RULES.filter((id) => !ran.has(id) && !(id === 'page-has-heading-one' && options.include)),
    'axe ran the named rules',
  ).toEqual([]);
  const { violations } = results;
  const failing = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || ALWAYS_RULES.includes(v.id));
  const report = failing.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join('; ')}`).join('\n')}`,
  );
  // Soft: one run lists every view that fails, not only the first.
  expect.soft(report, `axe-core: serious or critical WCAG 2.2 AA violations in ${view}`).toEqual([]);
}

/** Presses keys and counts them, for tests that keep keyboard paths short. */
export class KeyCounter {
  count = 0;
  constructor(private readonly page: Page) {}
  async press(key: string, times = 1) {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(key);
      this.count++;
    }
  }
  /** Typing text counts one key per character. */
  async type(text: string) {
    await this.page.keyboard.type(text);
    this.count += text.length;
  }
}
