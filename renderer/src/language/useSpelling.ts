/**
 * Spelling in the body editor: after a pause in typing, the text blocks whose text was not checked
 * yet go to the worker; the answers come back as decorations (red wavy underline). Known words (the
 * newsroom dictionary, names in the byline, dateline and tags, words ignored in the article) are
 * taken out here, so adding or ignoring a word clears its underlines at once, without a new check.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Editor, Element, Path, Text, type Descendant, type NodeEntry, type Point, type Range } from 'slate';
import { pointInBlock } from '../../../shared/editor/find';
import { isPromoBox, isTextBlock } from '../../../shared/editor/schema';
import { spellingLanguageFor, type SpellingLanguage } from '../../../shared/language/dictionaries';
import { spellingKey, type TextFinding } from '../../../shared/language/findings';
import type { KnownWords, WordHit } from '../../../shared/language/spelling';
import { holdSpellChecker, spellCheckerFor, type SpellChecker, type SpellingState } from './spellChecker';
import { onEditorChange } from '../editor/changeListeners';
import { afterPaint } from '../editor/afterPaint';
import { untilPainted } from '../editor/progressiveBody';

export type SpellingOptions = {
  /** The article's language (BCP 47). */
  language: string;
  /** Words that count as right whatever the dictionary says. */
  known: KnownWords;
  /** Rejects with the reason (shown in the editor) when the word could not be added. */
  onAddWord: (word: string) => Promise<void>;
  onIgnoreWord: (word: string) => Promise<void>;
};

/** A misspelled word in the document: its block, offsets in the block's text, and its range. */
export type Misspelling = { blockPath: Path; start: number; end: number; word: string; range: Range };

/** Quiet time after a change before checking; a long run of typing is checked at least this often. */
const PAUSE_MS = 300;
const MAX_WAIT_MS = 2_000;
const REPAINT_WHILE_CHECKING_MS = 1_000;

const blockTexts = new WeakMap<Element, string>();

/** The text of a text block, links included (cached per block object: unchanged blocks cost nothing). */
export function blockText(block: Element): string {
  let text = blockTexts.get(block);
  if (text === undefined) {
    text = '';
    for (const child of block.children) {
      if (Text.isText(child)) text += child.text;
      else if (Element.isElement(child)) for (const t of child.children) if (Text.isText(t)) text += t.text;
    }
    blockTexts.set(block, text);
  }
  return text;
}

/** Offset of `point` in its text block's text. */
function offsetInBlock(block: Element, blockPath: Path, point: Point): number {
  let offset = 0;
  for (let i = 0; i < block.children.length; i++) {
    const child = block.children[i]!;
    const leaves: Array<[Text, Path]> = Text.isText(child)
      ? [[child, [...blockPath, i]]]
      : Element.isElement(child)
        ? child.children.flatMap((t, j) => (Text.isText(t) ? [[t, [...blockPath, i, j]] as [Text, Path]] : []))
        : [];
    for (const [leaf, leafPath] of leaves) {
      if (Path.equals(leafPath, point.path)) return offset + point.offset;
      offset += leaf.text.length;
    }
  }
  return offset;
}

/** Every text block in document order (promo boxes hold text blocks of their own). */
function forEachTextBlock(children: readonly Descendant[], visit: (block: Element, path: Path) => void, parent: Path = []): void {
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (isTextBlock(node)) visit(node, [...parent, i]);
    else if (isPromoBox(node)) forEachTextBlock(node.children, visit, [...parent, i]);
  }
}

/** Where checking is, for the editor's frame (`data-spelling`): tests and the bench wait for "done". */
export type SpellingStatus = 'off' | 'loading' | 'checking' | 'done' | 'unavailable';

export type Spelling = {
  on: boolean;
  status: SpellingStatus;
  state: SpellingState | undefined;
  decorate: (entry: NodeEntry) => Range[];
  /** The misspelling under `point`, if any. */
  at: (point: Point) => Misspelling | null;
  /** The first misspelling at or after `point`, wrapping round to the start. */
  next: (point: Point | null) => Misspelling | null;
  suggest: (word: string) => Promise<string[]>;
  options: SpellingOptions | undefined;
};

export function useSpelling(editor: Editor, options: SpellingOptions | undefined): Spelling {
  const language: SpellingLanguage | undefined = options ? spellingLanguageFor(options.language) : undefined;
  const checker: SpellChecker | undefined = useMemo(() => (language ? spellCheckerFor(language) : undefined), [language]);
  const known = options?.known;
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<SpellingState | undefined>(checker?.state);

  // The language's dictionary stays loaded while this editor uses it (and a while after).
  useEffect(() => (checker ? holdSpellChecker(checker) : undefined), [checker]);

  // New answers repaint once per frame, however many batches arrived in it; while a long article's
  // first check is still coming in, at most every REPAINT_WHILE_CHECKING_MS (each repaint decorates
  // every block again).
  useEffect(() => {
    if (!checker) return undefined;
    setState(checker.state);
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const repaint = () => {
      frame = 0;
      timer = undefined;
      last = performance.now();
      setState(checker.state);
      setVersion((v) => v + 1);
    };
    const unsubscribe = checker.subscribe(() => {
      if (frame || timer) return;
      const wait = checker.pendingCount > 0 ? last + REPAINT_WHILE_CHECKING_MS - performance.now() : 0;
      if (wait > 0) timer = setTimeout(() => (frame = requestAnimationFrame(repaint)), wait);
      else frame = requestAnimationFrame(repaint);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [checker]);

  // Checks the whole body now, then again after each pause in changes.
  useEffect(() => {
    if (!checker) return undefined;
    const scan = () => {
      const texts = new Set<string>();
      forEachTextBlock(editor.children, (block) => texts.add(blockText(block)));
      checker.check(texts);
      checker.trim(texts);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    let firstChange = 0;
    const stopListening = onEditorChange(editor, () => {
      if (!editor.operations.some((op) => op.type !== 'set_selection')) return;
      const now = Date.now();
      if (timer === undefined) firstChange = now;
      clearTimeout(timer);
      timer = setTimeout(
        () => {
          timer = undefined;
          scan();
        },
        now - firstChange > MAX_WAIT_MS ? 0 : PAUSE_MS,
      );
    });
    // A long article's first scan reads every block: after its first screen is painted.
    const cancelFirst = untilPainted(editor.children) ? (scan(), () => undefined) : afterPaint(scan);
    return () => {
      cancelFirst();
      stopListening();
      clearTimeout(timer);
    };
  }, [editor, checker]);

  const hitsOf = useCallback(
    (block: Element): WordHit[] => (checker && known && version >= 0 ? (checker.hits(blockText(block)) ?? []).filter((h) => !known.has(h.word)) : []),
    // version: the worker's answers changed what checker.hits returns.
    [checker, known, version],
  );

  const decorate = useCallback(
    ([node, path]: NodeEntry): Range[] => {
      if (!isTextBlock(node)) return [];
      return hitsOf(node).map((h) => ({ anchor: pointInBlock(node, path, h.start, true), focus: pointInBlock(node, path, h.end), spelling: true }));
    },
    [hitsOf],
  );

  const toMisspelling = useCallback(
    (block: Element, blockPath: Path, h: WordHit): Misspelling => ({
      blockPath,
      start: h.start,
      end: h.end,
      word: h.word,
      range: { anchor: pointInBlock(block, blockPath, h.start, true), focus: pointInBlock(block, blockPath, h.end) },
    }),
    [],
  );

  const at = useCallback(
    (point: Point): Misspelling | null => {
      const entry = Editor.above(editor, { at: point, match: isTextBlock });
      if (!entry) return null;
      const [block, blockPath] = entry as [Element, Path];
      const offset = offsetInBlock(block, blockPath, point);
      const hit = hitsOf(block).find((h) => h.start <= offset && offset <= h.end);
      return hit ? toMisspelling(block, blockPath, hit) : null;
    },
    [editor, hitsOf, toMisspelling],
  );

  const next = useCallback(
    (point: Point | null): Misspelling | null => {
      let first: Misspelling | null = null;
      let found: Misspelling | null = null;
      const from = point ? (Editor.above(editor, { at: point, match: isTextBlock })?.[1] ?? null) : null;
      const fromOffset = point && from ? offsetInBlock(Editor.node(editor, from)[0] as Element, from, point) : 0;
      forEachTextBlock(editor.children, (block, path) => {
        if (found) return;
        for (const h of hitsOf(block)) {
          first ??= toMisspelling(block, path, h);
          const after = !from || Path.isAfter(path, from) || (Path.equals(path, from) && h.end >= fromOffset);
          if (after) {
            found = toMisspelling(block, path, h);
            return;
          }
        }
      });
      return found ?? first;
    },
    [editor, hitsOf, toMisspelling],
  );

  const suggest = useCallback((word: string) => checker?.suggest(word) ?? Promise.resolve([]), [checker]);

  // Read at render: every answer from the worker re-renders (version), so this follows it.
  const status: SpellingStatus = !checker
    ? 'off'
    : checker.state.state === 'unavailable'
      ? 'unavailable'
      : checker.state.state === 'loading'
        ? 'loading'
        : checker.pendingCount > 0
          ? 'checking'
          : 'done';
  return { on: checker !== undefined, status, state, decorate, at, next, suggest, options };
}

/** A misspelling as a finding for the editor's findings layer (house style gives the same shape). */
export function spellingFinding(editor: Editor, m: Misspelling, fixes: string[]): TextFinding {
  const anchor = Editor.start(editor, m.range);
  const end = Editor.end(editor, m.range);
  return {
    source: 'spelling',
    path: anchor.path,
    start: anchor.offset,
    end: Path.equals(anchor.path, end.path) ? end.offset : anchor.offset + m.word.length,
    word: m.word,
    message: `“${m.word}” is not in the dictionary.`,
    severity: 'error',
    fixes,
    key: spellingKey(m.word),
  };
}
