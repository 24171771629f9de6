/**
 * Smart typography as you type: quotes, apostrophes and dashes by language.
 *
 * - English “double” ‘single’, German „double“ ‚single‘, French « double » with
 *   narrow no-break spaces inside (and “single” for quotes within quotes).
 * - An apostrophe after a letter or digit is ’ in every language.
 * - "--" becomes the language's spaced dash: an em dash (—) in English, an en dash
 *   (–) in German and French, where the spaced en dash is the rule. A run of hyphens
 *   at the start of a block stays as typed, so "- " and "---" shortcuts still work.
 * - Nothing changes inside something that looks like a web address.
 *
 * The typed character lands first and the substitution is its own undo step, so one
 * undo gives back the straight character. The quote style follows the article's
 * language (`typographyLanguageFor`); languages without a style of their own here
 * get the English one.
 */
import { Editor, Range, Transforms } from 'slate';
import { asOwnUndoStep, startNewUndoStep } from './undoSteps';
import { textBlockAbove } from './schema';
import { DEFAULT_LANGUAGE, primaryLanguage } from '../language/languageTag';

export const TYPOGRAPHY_LANGUAGES = ['en', 'de', 'fr'] as const;
export type TypographyLanguage = (typeof TYPOGRAPHY_LANGUAGES)[number];
export const TYPOGRAPHY_LANGUAGE_LABELS: Record<TypographyLanguage, string> = { en: 'English', de: 'German', fr: 'French' };

export type TypographyOptions = { enabled: boolean; language: TypographyLanguage };
export const DEFAULT_TYPOGRAPHY: TypographyOptions = { enabled: true, language: 'en' };

/**
 * The desk's writing settings (kept by the settings store); `language` is the BCP 47 tag new articles take;
 * `editorsSuggest`: an editor opens a submitted (or in-edit) article in suggesting mode (absent = on);
 * `checkSpelling`: the desk's own spelling check in the body (absent in settings saved before it: on).
 * `checkStyle`: house-style findings underlined in the body (absent: on); the checklist counts them either way.
 */
export type WritingSettings = { smartTypography: boolean; language: string; editorsSuggest?: boolean; checkSpelling?: boolean; checkStyle?: boolean };
export const DEFAULT_WRITING_SETTINGS: WritingSettings = {
  smartTypography: true,
  language: DEFAULT_LANGUAGE,
  editorsSuggest: true,
  checkSpelling: true,
  checkStyle: true,
};

/** The quote and dash style for an article in `tag` ("de-AT" → German, "fr-CA" → French, others English). */
export function typographyLanguageFor(tag: string): TypographyLanguage {
  const primary = primaryLanguage(tag);
  return (TYPOGRAPHY_LANGUAGES as readonly string[]).includes(primary) ? (primary as TypographyLanguage) : 'en';
}

const NNBSP = '\u202F';

const QUOTES: Record<TypographyLanguage, { open2: string; close2: string; open1: string; close1: string; dash: string }> = {
  en: { open2: '“', close2: '”', open1: '‘', close1: '’', dash: '—' },
  de: { open2: '„', close2: '“', open1: '‚', close1: '‘', dash: '–' },
  fr: { open2: `«${NNBSP}`, close2: `${NNBSP}»`, open1: '“', close1: '”', dash: '–' },
};

/** Characters after which a quote opens rather than closes (besides the language's opening quotes). */
const OPENS_AFTER = /[\s([{\u2014\u2013\-/]$/u;
const WORD_CHAR = /[\p{L}\p{N}]$/u;
const LOOKS_LIKE_ADDRESS = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S*$/i;

/** True when `prior` holds more `open` than `close` quotes. */
function opened(prior: string, open: string, close: string): boolean {
  return prior.split(open).length > prior.split(close).length;
}

/** What to do after `typed` was typed at the end of `before` (which already ends with it). */
export type Substitution = { remove: number; insert: string };

export function smartTypography(before: string, language: TypographyLanguage): Substitution | null {
  const typed = before.slice(-1);
  const prior = before.slice(0, -1);
  if (typed !== '"' && typed !== "'" && typed !== '-') return null;
  if (LOOKS_LIKE_ADDRESS.test(prior)) return null;
  const q = QUOTES[language];
  const last = prior.slice(-1);
  const opens = prior === '' || OPENS_AFTER.test(prior) || q.open2.startsWith(last) || q.open1 === last;
  if (typed === '"') return { remove: 1, insert: opens ? q.open2 : q.close2 };
  if (typed === "'") {
    // After a word it is an apostrophe, unless it closes a single quote opened in this block.
    if (WORD_CHAR.test(prior)) return { remove: 1, insert: q.close1 !== '’' && opened(prior, q.open1, q.close1) ? q.close1 : '’' };
    return { remove: 1, insert: opens ? q.open1 : q.close1 };
  }
  // A hyphen after a hyphen, unless the block so far is only hyphens.
  if (!prior.endsWith('-') || /^-+$/.test(prior)) return null;
  return { remove: 2, insert: q.dash };
}

/**
 * For a plain text field (headline, dek): the range of `value` to replace and its replacement
 * after one character was typed just before `caret`; null when nothing changes.
 */
export function fieldSubstitution(value: string, caret: number, settings: WritingSettings): { from: number; to: number; insert: string } | null {
  if (!settings.smartTypography) return null;
  const change = smartTypography(value.slice(0, caret), typographyLanguageFor(settings.language));
  if (!change || caret < change.remove) return null;
  return { from: caret - change.remove, to: caret, insert: change.insert };
}

const options = new WeakMap<Editor, TypographyOptions>();

/** Sets the typography of one editor (the desk's switch, the article's language). */
export function setTypography(editor: Editor, value: TypographyOptions): void {
  options.set(editor, value);
}

export function withTypography<E extends Editor>(editor: E): E {
  const { insertText } = editor;

  editor.insertText = (text, insertOptions) => {
    insertText(text, insertOptions);
    const settings = options.get(editor) ?? DEFAULT_TYPOGRAPHY;
    const { selection } = editor;
    if (!settings.enabled || text.length !== 1 || !selection || !Range.isCollapsed(selection)) return;
    const block = textBlockAbove(editor);
    if (!block) return;
    const before = Editor.string(editor, { anchor: Editor.start(editor, block[1]), focus: selection.anchor });
    if (!before.endsWith(text)) return;
    const change = smartTypography(before, settings.language);
    if (!change) return;
    const at = selection.anchor;
    if (at.offset < change.remove) return; // the characters span more than one text node (a mark changed)
    asOwnUndoStep(editor, () => {
      Transforms.delete(editor, { at: { anchor: { path: at.path, offset: at.offset - change.remove }, focus: at } });
      Transforms.insertText(editor, change.insert);
    });
    // The next keystroke starts its own undo step, so undo never takes the substitution with it.
    startNewUndoStep(editor);
  };

  return editor;
}
