import { describe, expect, it } from 'vitest';
import type { Editor } from 'slate';
import { bodyOf, createTestEditor } from './testEditor';
import { fieldSubstitution, setTypography, smartTypography, type TypographyLanguage } from './typography';

const p = (text: string) => ({ type: 'paragraph', children: [{ text }] }) as const;

/** Types text one key at a time, each keystroke in its own task as in the browser. */
async function typeInto(editor: Editor, text: string) {
  for (const ch of text) {
    editor.insertText(ch);
    await Promise.resolve();
  }
}

function typed(text: string, language: TypographyLanguage): string {
  let out = '';
  for (const ch of text) {
    out += ch;
    const change = smartTypography(out, language);
    if (change) out = out.slice(0, out.length - change.remove) + change.insert;
  }
  return out;
}

describe('smartTypography', () => {
  it('English quotes, apostrophes and the em dash', () => {
    expect(typed(`"It's the '90s," she said -- 'really'.`, 'en')).toBe('“It’s the ‘90s,” she said — ‘really’.');
  });

  it('German quotes and the en dash', () => {
    expect(typed(`Er sagte: "Das ist 'gut'" -- wirklich.`, 'de')).toBe('Er sagte: „Das ist ‚gut‘“ – wirklich.');
  });

  it('French guillemets with narrow no-break spaces', () => {
    expect(typed(`Il a dit "oui" -- l'affaire est close.`, 'fr')).toBe('Il a dit «\u202Foui\u202F» – l’affaire est close.');
  });

  it('leaves web addresses, hyphens at a block start and single hyphens alone', () => {
    expect(typed('see https://example.org/a--b"x', 'en')).toBe('see https://example.org/a--b"x');
    expect(typed("www.example.org/it's", 'en')).toBe("www.example.org/it's");
    expect(typed('---', 'en')).toBe('---');
    expect(typed('well-known', 'en')).toBe('well-known');
  });

  it('opens a quote after an opening bracket or a dash', () => {
    expect(typed('("yes")', 'en')).toBe('(“yes”)');
    expect(typed('a --"b"', 'en')).toBe('a —“b”');
  });
});

describe('typing with smart typography', () => {
  it('substitutes as you type, and one undo gives back the straight character', async () => {
    const editor = createTestEditor([p('')], { path: [0, 0], offset: 0 });
    await typeInto(editor, 'Say "hi');
    expect(bodyOf(editor)).toEqual([p('Say “hi')]);
    editor.undo();
    expect(bodyOf(editor)).toEqual([p('Say “')]);
    editor.undo();
    expect(bodyOf(editor)).toEqual([p('Say "')]);
  });

  it('turns -- into a dash, undone to the two hyphens', async () => {
    const editor = createTestEditor([p('')], { path: [0, 0], offset: 0 });
    await typeInto(editor, 'now --');
    expect(bodyOf(editor)).toEqual([p('now —')]);
    editor.undo();
    expect(bodyOf(editor)).toEqual([p('now --')]);
  });

  it('follows the language and can be turned off', async () => {
    const german = createTestEditor([p('')], { path: [0, 0], offset: 0 });
    setTypography(german, { enabled: true, language: 'de' });
    await typeInto(german, '"ja"');
    expect(bodyOf(german)).toEqual([p('„ja“')]);
    const off = createTestEditor([p('')], { path: [0, 0], offset: 0 });
    setTypography(off, { enabled: false, language: 'en' });
    await typeInto(off, `"it's" --`);
    expect(bodyOf(off)).toEqual([p(`"it's" --`)]);
  });

  it('keeps the "- " and "---" shortcuts', async () => {
    const editor = createTestEditor([p('')], { path: [0, 0], offset: 0 });
    await typeInto(editor, '--- ');
    expect(bodyOf(editor)[0]).toEqual({ type: 'section-break', children: [{ text: '' }] });
  });
});

describe('fieldSubstitution (headline and dek)', () => {
  const en = { smartTypography: true, language: 'en' } as const;
  it('replaces the character just typed before the caret, by language', () => {
    expect(fieldSubstitution('"', 1, en)).toEqual({ from: 0, to: 1, insert: '“' });
    expect(fieldSubstitution('Mayor’s "plan', 9, en)).toEqual({ from: 8, to: 9, insert: '“' });
    expect(fieldSubstitution("Mayor'", 6, en)).toEqual({ from: 5, to: 6, insert: '’' });
    expect(fieldSubstitution('yes --', 6, en)).toEqual({ from: 4, to: 6, insert: '—' });
    expect(fieldSubstitution('ja --', 5, { smartTypography: true, language: 'de' })).toEqual({ from: 3, to: 5, insert: '–' });
    expect(fieldSubstitution('Er sagte "', 10, { smartTypography: true, language: 'de' })).toEqual({ from: 9, to: 10, insert: '„' });
  });
  it('reads only the text before the caret, and does nothing when turned off', () => {
    expect(fieldSubstitution('a" rest', 2, en)).toEqual({ from: 1, to: 2, insert: '”' });
    expect(fieldSubstitution('"quote"', 1, { smartTypography: false, language: 'en' })).toBeNull();
    expect(fieldSubstitution('plain', 5, en)).toBeNull();
  });
});
