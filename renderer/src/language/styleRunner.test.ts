import { describe, expect, it } from 'vitest';
import type { TextFinding } from '../../../shared/language/findings';
import { checkStyle } from '../../../shared/language/style/checkStyle';
import type { StyleRule } from '../../../shared/language/style/rules';
import { STARTER_STYLE_RULES } from '../../../shared/language/style/starterRules';
import type { ArticleBody } from '../../../shared/model/document';
import { StyleRunner } from './styleRunner';

const rules: StyleRule[] = STARTER_STYLE_RULES.map((r) => ({ ...r, version: 1, archived: false, updatedAt: '2026-01-01T00:00:00.000Z' }));
const body = (texts: string[]) => texts.map((text) => ({ type: 'paragraph', children: [{ text }] })) as ArticleBody;

describe('StyleRunner where no worker can start (Node has none)', () => {
  it('checks in the page instead, in slices, with the same findings as the check itself, the newest body winning', async () => {
    const runner = new StyleRunner();
    const first = body(['Send an e-mail to the council.', 'It was very unique.']);
    const second = body(['Send an e-mail to the council.', 'It was very unique.', 'The the mayor said so.']);
    const results: TextFinding[][] = [];
    const answered = new Promise<void>((resolve) => {
      runner.check({ body: first, rules, ignored: new Set(), done: (f) => results.push(f) });
      runner.check({ body: second, rules, ignored: new Set(), done: (f) => (results.push(f), resolve()) });
    });
    await answered;
    expect(results).toEqual([checkStyle(second, rules)]);
    expect(results[0]!.map((f) => f.word)).toEqual(expect.arrayContaining(['e-mail', 'very unique', ' the']));
    runner.dispose();
  });
});
