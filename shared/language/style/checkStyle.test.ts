import { describe, expect, it } from 'vitest';
import { paragraph, type BlockElement } from '../../model/document';
import { editDistance, soundex } from './articleWide';
import { BUILTIN_CHECKS, type BuiltinCheck } from './builtins';
import { checkStyle, createStyleChecker } from './checkStyle';
import { checkPattern, hasNestedRepetition } from './pattern';
import { styleRuleInputSchema, type StyleRule, type StyleRuleInput } from './rules';
import { STARTER_STYLE_RULES } from './starterRules';

const rule = (input: Partial<StyleRuleInput> & Pick<StyleRuleInput, 'find'>, id = 'r1'): StyleRule => ({
  name: 'rule',
  matchCase: false,
  replacement: '',
  fixCase: 'as-written',
  message: '',
  category: 'usage',
  severity: 'warning',
  ...input,
  id,
  version: 1,
  archived: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const starters: StyleRule[] = STARTER_STYLE_RULES.map((r) => ({ ...r, version: 1, archived: false, updatedAt: '2026-01-01T00:00:00.000Z' }));
const only = (check: BuiltinCheck) => ({ off: BUILTIN_CHECKS.filter((c) => c !== check) });
const noBuiltins = { off: [...BUILTIN_CHECKS] };
const brief = (f: { path: number[]; start: number; end: number; word: string; fixes: string[] }) => ({
  path: f.path,
  start: f.start,
  end: f.end,
  word: f.word,
  fixes: f.fixes,
});

describe('rules of words and phrases', () => {
  it('finds each term on word boundaries, keeps the capitals of what it replaces, and says the rule’s message', () => {
    const r = rule({ find: { kind: 'words', terms: ['e-mail'] }, replacement: 'email' });
    const found = checkStyle([paragraph('Send an E-mail or e-mail us; not re-e-mails, no e-mailbox.')], [r], noBuiltins);
    expect(found.map(brief)).toEqual([
      { path: [0, 0], start: 8, end: 14, word: 'E-mail', fixes: ['Email'] },
      { path: [0, 0], start: 18, end: 24, word: 'e-mail', fixes: ['email'] },
    ]);
    expect(found[0]).toMatchObject({ source: 'style', severity: 'warning', ruleId: 'r1', message: 'House style: use “Email”.' });
  });

  it('matches a phrase across any run of spaces and respects match case', () => {
    const r = rule({ find: { kind: 'words', terms: ['per cent'] }, replacement: 'percent', message: 'One word.' });
    const found = checkStyle([paragraph('Up 5 per  cent, PER CENT.')], [r], noBuiltins);
    expect(found.map((f) => [f.word, f.fixes[0], f.message])).toEqual([
      ['per  cent', 'percent', 'One word.'],
      ['PER CENT', 'PERCENT', 'One word.'],
    ]);
    const cased = rule({ find: { kind: 'words', terms: ['Internet'] }, matchCase: true, replacement: 'internet' });
    expect(checkStyle([paragraph('the Internet and the internet')], [cased], noBuiltins).map((f) => f.start)).toEqual([4]);
  });

  it('maps a match to the leaf it starts in and offers no fix across formatting', () => {
    const block: BlockElement = {
      type: 'paragraph',
      children: [
        { text: 'It is very ' },
        { text: 'unique', bold: true },
        { text: ' and ' },
        { type: 'link', url: 'https://x.org', children: [{ text: 'very unique' }] },
      ],
    };
    const found = checkStyle([block], starters, noBuiltins);
    expect(found.map(brief)).toEqual([
      { path: [0, 0], start: 6, end: 11, word: 'very ', fixes: [] },
      { path: [0, 3, 0], start: 0, end: 11, word: 'very unique', fixes: ['unique'] },
    ]);
    expect(found[1]!.severity).toBe('error');
  });

  it('reads every paragraph of a promo box and skips voids', () => {
    const body: BlockElement[] = [
      { type: 'image', assetId: 'a', alt: 'e-mail', caption: 'e-mail', credit: '', children: [{ text: '' }] },
      { type: 'promo-box', title: 'Box', children: [paragraph('one'), paragraph('Write an e-mail.')] },
    ];
    expect(checkStyle(body, starters, noBuiltins).map((f) => f.path)).toEqual([[1, 1, 0]]);
  });
});

describe('rules with patterns', () => {
  it('fills groups into the fix and writes it in the rule’s case', () => {
    const found = checkStyle([paragraph('London — The council met.'), paragraph('New York – Rain.'), paragraph('PARIS — Sun.')], starters, noBuiltins);
    expect(found.map((f) => [f.path[0], f.word, f.fixes[0]])).toEqual([
      [0, 'London — ', 'LONDON — '],
      [1, 'New York – ', 'NEW YORK – '],
    ]);
    const titles = checkStyle([paragraph('We met prime minister Okafor and Mayor Ortiz; Ortiz, the mayor, left.')], starters, noBuiltins);
    expect(titles.map((f) => [f.word, f.fixes[0]])).toEqual([['prime minister Okafor', 'Prime Minister Okafor']]);
  });

  it('refuses a catastrophic pattern when it is saved, with the reason', () => {
    for (const bad of ['(a+)+$', '(x*y)*', '(?:\\w+\\s?)+$', '((ab)*c){2,}']) {
      expect(hasNestedRepetition(bad), bad).toBe(true);
      const parsed = styleRuleInputSchema.safeParse({ ...rule({ find: { kind: 'pattern', pattern: bad }, message: 'm' }), id: undefined });
      expect(parsed.success).toBe(false);
    }
    const verdict = checkPattern('(a+)+$', false);
    expect(verdict).toEqual({ ok: false, reason: expect.stringContaining('repeats a group that already repeats') });
    for (const fine of ['(a+)?b', '(ab){2}', '[(+)]+', '\\p{Lu}{2,}', 'x{1,3}y+', '\\(a+\\)+']) expect(hasNestedRepetition(fine), fine).toBe(false);
  });

  it('refuses patterns RE2 cannot run, that match empty text, or are too long', () => {
    expect(checkPattern('(?=a)b', false)).toMatchObject({ ok: false, reason: expect.stringContaining('cannot be used') });
    expect(checkPattern('(a)\\1', false)).toMatchObject({ ok: false, reason: expect.stringContaining('cannot be used') });
    expect(checkPattern('a|', false)).toMatchObject({ ok: false, reason: expect.stringContaining('empty text') });
    expect(checkPattern('x'.repeat(301), false)).toMatchObject({ ok: false, reason: expect.stringContaining('limit is 300') });
    expect(checkPattern('[a-z]{1000}', false)).toMatchObject({ ok: false, reason: expect.stringContaining('too large') });
    expect(checkPattern('colou?r', false)).toEqual({ ok: true });
  });

  it('skips a stored rule that could not be saved today, and checks the others', () => {
    const checker = createStyleChecker();
    const bad = rule({ find: { kind: 'pattern', pattern: '(a+)+$' }, message: 'm' }, 'bad');
    const good = rule({ find: { kind: 'words', terms: ['aaa'] }, message: 'no' }, 'good');
    const result = checker.check([paragraph('aaa aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')], [bad, good], noBuiltins);
    expect(result.done && result.findings.map((f) => f.ruleId)).toEqual(['good']);
    expect(checker.skipped().map((s) => s.rule.id)).toEqual(['bad']);
  });

  it('takes time in proportion to the text, even for a pattern that backtracking engines cannot finish', () => {
    const r = rule({ find: { kind: 'pattern', pattern: '(?:a|aa)*b' }, message: 'm' });
    const time = (n: number) => {
      const text = 'a'.repeat(n);
      const t = performance.now();
      checkStyle([paragraph(text)], [r], noBuiltins);
      return performance.now() - t;
    };
    time(2_000); // warm up
    const small = time(20_000);
    const large = time(160_000);
    // Eight times the text: linear is ~8×, quadratic would be ~64×.
    expect(large / Math.max(small, 1)).toBeLessThan(24);
  });
});

describe('built-in checks', () => {
  it('marks a word written twice, and removes the second one as the fix', () => {
    const found = checkStyle([paragraph('The the council said that that had had effects on on Monday.')], [], only('repeated-word'));
    expect(found.map(brief)).toEqual([
      { path: [0, 0], start: 3, end: 7, word: ' the', fixes: [''] },
      { path: [0, 0], start: 49, end: 52, word: ' on', fixes: [''] },
    ]);
  });

  it('marks double spaces', () => {
    expect(checkStyle([paragraph('One  two three   four.')], [], only('double-space')).map(brief)).toEqual([
      { path: [0, 0], start: 3, end: 5, word: '  ', fixes: [' '] },
      { path: [0, 0], start: 14, end: 17, word: '   ', fixes: [' '] },
    ]);
  });

  it('marks quotes and brackets left open or closing nothing, but lets a quotation run on into the next paragraph', () => {
    const found = checkStyle(
      [
        paragraph('He said (quietly] that “it was over.'),
        paragraph('“It ends here,” she said.'),
        paragraph('A) list and “an open quote.'),
        paragraph('Plain text.'),
        paragraph('“Straight" and "balanced" and „German“ quotes.'),
      ],
      [],
      only('unbalanced'),
    );
    expect(found.map((f) => [f.path[0], f.word, f.message])).toEqual([
      [0, '(', 'This “(” is never closed.'],
      [0, ']', 'This “]” closes nothing before it.'],
      [2, ')', 'This “)” closes nothing before it.'],
      [2, '“', 'This ““” is never closed.'],
    ]);
  });

  it('marks a sentence of more than 40 words, and takes the limit from the options', () => {
    const long = `${Array.from({ length: 41 }, (_, i) => `W${i}`).join(' ')}.`;
    const ok = `${Array.from({ length: 40 }, (_, i) => `W${i}`).join(' ')}.`;
    const found = checkStyle([paragraph(`Short one. ${long} ${ok} Mr. Smith went on.`)], [], only('long-sentence'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ start: 11, word: long, severity: 'info', message: expect.stringContaining('41 words') });
    expect(checkStyle([paragraph('One two three four five six.')], [], { ...only('long-sentence'), longSentenceWords: 5 })).toHaveLength(1);
  });

  it('marks a number written two ways across the article, the less used form, with the more used one as the fix', () => {
    const found = checkStyle(
      [
        paragraph('About 2,500 people came; 2,500 stayed.'),
        paragraph('Of the 2500, most left. 12,000 and 12\u00a0000 with no-break space.'),
        paragraph('In 1999, 1,999 people. 3.2500 is not it.'),
      ],
      [],
      only('number-forms'),
    );
    expect(found.map((f) => [f.path[0], f.word, f.fixes[0]])).toEqual([
      [1, '2500', '2,500'],
      [1, '12\u00a0000', '12,000'],
    ]);
  });

  it('marks a name spelled two ways, not different people or common words', () => {
    const check = (...texts: string[]) => checkStyle(texts.map(paragraph), [], only('name-forms')).map((f) => [f.path[0], f.word, f.fixes[0]]);
    expect(check('Alexei Smirnov, the minister, spoke.', 'Later Smirnov left and Smirnoff returned.')).toEqual([[1, 'Smirnoff', 'Smirnov']]);
    // Two first names: two people.
    expect(check('John Smith met Jane Smyth.', 'Then Smith and Smyth left.')).toEqual([]);
    // No first names to tell them apart: flagged, the earlier form on a tie.
    expect(check('We asked Smith.', 'We asked Smyth.')).toEqual([[1, 'Smyth', 'Smith']]);
    // Sentence starters and words also written small are not names; nor are months.
    expect(check('Then he left. Them again.', 'We met in June and Jane came.', 'Over there. Ever more.')).toEqual([]);
    expect(check('Then it rained.', 'And Them.', 'and then them.')).toEqual([]);
    expect(soundex('Smirnov')).toBe(soundex('Smirnoff'));
    expect(editDistance('smirnov', 'smirnoff', 2)).toBe(2);
    expect(editDistance('ab', 'ba', 1)).toBe(1);
  });
});

describe('checking an article', () => {
  it('leaves out ignored instances by key, which stays the same when the paragraph moves', () => {
    const body = [paragraph('Send an e-mail.'), paragraph('Or an e-mail today.')];
    const first = checkStyle(body, starters, noBuiltins);
    expect(first).toHaveLength(2);
    const moved = checkStyle([paragraph('A new lead.'), ...body], starters, { ...noBuiltins, ignored: new Set([first[0]!.key]) });
    expect(moved.map((f) => [f.path, f.word])).toEqual([[[2, 0], 'e-mail']]);
    expect(new Set(first.map((f) => f.key)).size).toBe(2);
    // An edit further along the sentence keeps the key; rewording right beside the instance does not.
    const later = checkStyle([paragraph('Send an e-mail.'), paragraph('Or an e-mail today, or tomorrow.')], starters, noBuiltins);
    expect(later[1]!.key).toBe(first[1]!.key);
    const beside = checkStyle([paragraph('Send an e-mail.'), paragraph('Or an e-mail now.')], starters, noBuiltins);
    expect(beside[1]!.key).not.toBe(first[1]!.key);
    const twins = checkStyle([paragraph('Send an e-mail to book, or an e-mail to cancel.')], starters, noBuiltins);
    expect(twins[1]!.key).toBe(`${twins[0]!.key}.1`);
  });

  it('checks in slices against a deadline and gives the same findings as one pass', () => {
    const body = Array.from({ length: 300 }, (_, i) => paragraph(`Paragraph ${i} has an e-mail  and the the end.`));
    const whole = checkStyle(body, starters);
    const checker = createStyleChecker();
    let calls = 0;
    let result;
    do {
      let budget = 25;
      result = checker.check(body, starters, {}, { deadline: () => budget-- <= 0 });
      calls++;
    } while (!result.done);
    expect(calls).toBeGreaterThan(5);
    expect(result.findings).toEqual(whole);
    expect(whole).toHaveLength(900);
  });

  it('rechecks only the blocks that changed', () => {
    const body = Array.from({ length: 50 }, (_, i) => paragraph(`Line ${i} e-mail.`));
    const checker = createStyleChecker();
    checker.check(body, starters);
    const changed = [...body];
    changed[10] = paragraph('Line 10 now plain.');
    let asked = 0;
    const result = checker.check(changed, starters, {}, { deadline: () => (asked++, false) });
    expect(asked).toBe(1);
    expect(result.done && result.findings).toHaveLength(49);
  });

  it('ships starter rules that all pass their own schema', () => {
    for (const { id: _id, ...input } of STARTER_STYLE_RULES) expect(styleRuleInputSchema.safeParse(input).success, input.name).toBe(true);
  });
});
