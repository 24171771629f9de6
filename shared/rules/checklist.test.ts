import { describe, expect, it } from 'vitest';
import { paragraph, type BlockElement } from '../model/document';
import { checkStyle, countStyleFindings } from '../language/style/checkStyle';
import { STARTER_STYLE_RULES } from '../language/style/starterRules';
import { checklistErrors, runChecklist, type ChecklistArticle, type ChecklistInput } from './checklist';

const NOW_ISO = '2026-01-01T00:00:00.000Z';

const good: ChecklistArticle = {
  headline: 'Harbour city votes for a flood barrier',
  dek: 'The council ends a decade of debate.',
  bylineAuthorIds: ['author-mara'],
  plannedLength: 0,
  aiDeclaration: { uses: [], tools: '', note: '' },
  body: [paragraph('The council voted on Thursday.')],
};

const run = (article: Partial<ChecklistArticle>, extra: Partial<ChecklistInput> = {}) =>
  runChecklist({ article: { ...good, ...article }, openComments: 0, purpose: 'writing', settings: { headlineMaxLength: 60 }, ...extra });
const ids = (results: ReturnType<typeof run>) => results.map((r) => `${r.level}:${r.id}`);

const image = (alt: string, credit: string, caption = ''): BlockElement => ({ type: 'image', assetId: 'a1', alt, credit, caption, children: [{ text: '' }] });
const link = (url: string): BlockElement => ({
  type: 'paragraph',
  children: [{ text: 'See ' }, { type: 'link', url, children: [{ text: 'this' }] }, { text: '' }],
});

describe('pre-export checklist', () => {
  it('passes a complete article', () => {
    expect(run({})).toEqual([]);
  });

  it('requires a headline within the configured limit', () => {
    expect(ids(run({ headline: '  ' }))).toEqual(['error:headline-missing']);
    const long = run({ headline: 'x'.repeat(61) });
    expect(ids(long)).toEqual(['error:headline-too-long']);
    expect(long[0]!.message).toContain('61 characters; the limit is 60');
    expect(run({ headline: 'x'.repeat(60) })).toEqual([]);
  });

  it('warns of placeholder text while writing and blocks approval with it', () => {
    const bold: BlockElement = { type: 'paragraph', children: [{ text: 'Lorem ', bold: true }, { text: 'ipsum dolor.' }] };
    expect(run({ body: [bold] })).toEqual([
      { id: 'placeholder-text', level: 'warning', message: 'The article still has placeholder text (“Lorem ipsum”): replace it with the real text.' },
    ]);
    expect(ids(run({ dek: 'Fares rise by TK cents.' }, { purpose: 'approval' }))).toEqual(['error:placeholder-text']);
    expect(ids(run({ body: [paragraph('The mayor said [insert quote here].')] }))).toEqual(['warning:placeholder-text']);
    expect(ids(run({ headline: 'XXX' }))).toEqual(['warning:placeholder-text']);
    // Words that merely contain the letters are not placeholders.
    expect(run({ body: [paragraph('TKO in the third round; Atkins and the XXL team [added] later.')] })).toEqual([]);
  });

  it('requires a dek and a byline', () => {
    expect(ids(run({ dek: '', bylineAuthorIds: [] }))).toEqual(['error:dek-missing', 'error:byline-missing']);
  });

  it('refuses empty and non-web links, accepting http, https and mailto', () => {
    expect(ids(run({ body: [link('')] }))).toEqual(['error:link-empty']);
    expect(ids(run({ body: [link('javascript:alert(1)')] }))).toEqual(['error:link-unsafe']);
    expect(ids(run({ body: [link('/relative/page')] }))).toEqual(['error:link-unsafe']);
    expect(run({ body: [link('mailto:desk@example.org?attach=/etc/passwd')] })).toEqual([
      expect.objectContaining({
        id: 'link-unsafe',
        message: 'The link “this” cannot be published: Email links may set only to, cc, bcc, subject and body; remove “attach=”.',
      }),
    ]);
    expect(ids(run({ body: [link('https://user:pw@example.org/')] }))).toEqual(['error:link-unsafe']);
    expect(run({ body: [link('https://example.org'), link('mailto:desk@example.org'), link('http://example.org/a')] })).toEqual([]);
  });

  it('checks links inside promo boxes too', () => {
    const promo: BlockElement = { type: 'promo-box', title: 'Box', children: [link('ftp://files.example.org') as never] };
    expect(ids(run({ body: [promo] }))).toEqual(['error:link-unsafe']);
  });

  it('requires alt text and a credit on every image', () => {
    expect(ids(run({ body: [image('', 'AP'), image('Gate', ''), image('Gate', 'AP')] }))).toEqual(['error:image-alt-missing', 'error:image-credit-missing']);
    expect(run({ body: [image('', 'AP', 'The gate')] })[0]!.message).toBe('Image “The gate” needs alt text.');
  });

  it('warns when the word count is off the planned length', () => {
    const words = (n: number) => [paragraph(Array.from({ length: n }, () => 'word').join(' '))];
    expect(ids(run({ plannedLength: 100, body: words(50) }))).toEqual(['warning:length-under']);
    expect(ids(run({ plannedLength: 100, body: words(150) }))).toEqual(['warning:length-over']);
    expect(run({ plannedLength: 100, body: words(100) })).toEqual([]);
  });

  it('treats open comments as a warning for the writer and an error for approval', () => {
    expect(ids(run({}, { openComments: 2, purpose: 'writing' }))).toEqual(['warning:open-comments']);
    expect(ids(run({}, { openComments: 1, purpose: 'approval' }))).toEqual(['error:open-comments']);
  });

  it('runs library rules supplied by the caller and lists errors before warnings', () => {
    const results = run(
      { plannedLength: 1000 },
      { libraryRules: [() => [{ id: 'ai-disclosure-missing', level: 'error', message: 'Add the AI-use disclosure.' }]] },
    );
    expect(ids(results)).toEqual(['error:ai-disclosure-missing', 'warning:length-under']);
    expect(checklistErrors(results)).toHaveLength(1);
  });

  it('follows each changed block on a rerun (what a block says is kept per block object)', () => {
    const body = [paragraph('The council voted.'), link('https://example.org/vote'), paragraph('Residents welcomed it.')];
    expect(run({ body })).toEqual([]);
    // A keystroke gives the changed block a new object; the others stay as they were.
    const withMark = [body[0]!, body[1]!, paragraph('Residents welcomed it, said TK.')];
    expect(ids(run({ body: withMark }))).toEqual(['warning:placeholder-text']);
    const unsafe = [body[0]!, link('javascript:alert(1)'), withMark[2]!];
    expect(ids(run({ body: unsafe }))).toEqual(['error:link-unsafe', 'warning:placeholder-text']);
    expect(run({ body })).toEqual([]);
  });
});

describe('house style in the checklist', () => {
  it('counts unresolved style errors as one error that blocks, and warnings as one warning that does not', () => {
    expect(ids(run({}, { style: { errors: 0, warnings: 0 } }))).toEqual([]);
    const both = run({}, { style: { errors: 2, warnings: 1 } });
    expect(both).toEqual([
      { id: 'style-errors', level: 'error', message: '2 house-style errors are still in the text: fix or ignore them (they are underlined).' },
      { id: 'style-warnings', level: 'warning', message: '1 house-style warning in the text.' },
    ]);
    expect(checklistErrors(both).map((f) => f.id)).toEqual(['style-errors']);
    expect(checklistErrors(run({}, { style: { errors: 0, warnings: 3 }, purpose: 'approval' }))).toEqual([]);
    expect(run({}, { style: { errors: 1, warnings: 0 } })[0]!.message).toBe(
      '1 house-style error is still in the text: fix or ignore it (they are underlined).',
    );
  });

  it('counts the checker’s findings by severity, leaving notes and ignored ones out', () => {
    const rules = STARTER_STYLE_RULES.map((r) => ({ ...r, version: 1, archived: false, updatedAt: NOW_ISO }));
    const body = [paragraph('A very unique e-mail. One two three four five six seven ten eleven.')];
    const findings = checkStyle(body, rules, { longSentenceWords: 5 });
    expect(findings.map((f) => f.severity).sort()).toEqual(['error', 'info', 'warning', 'warning', 'warning']);
    expect(countStyleFindings(findings)).toEqual({ errors: 1, warnings: 3 });
    const error = findings.find((f) => f.severity === 'error')!;
    expect(countStyleFindings(checkStyle(body, rules, { longSentenceWords: 5, ignored: new Set([error.key]) }))).toEqual({ errors: 0, warnings: 3 });
  });
});
