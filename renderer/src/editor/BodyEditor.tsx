/** The article body editor (Slate). Uncontrolled after mount: remount with a `key` to load another article. */
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
} from 'react';
import { Editor, Range, Transforms, type Descendant, type NodeEntry } from 'slate';
import { Editable, ReactEditor, Slate, useSlateSelector, useSlateStatic } from 'slate-react';
import type * as Y from 'yjs';
import type { YjsEditor } from '@slate-yjs/core';
import { applyRemoteUpdate } from '../../../shared/sync/slateBinding';
import { setSuggestionSource, type SuggestionAuthor } from '../../../shared/suggestions/mode';
import { PresenceCursors, type PresenceSource } from '../sync/Presence';

/** A newsroom article's document, how the editor takes over applying the updates that come for it, and who else is on it. */
export type SharedBody = {
  doc: Y.Doc;
  applyRemoteWith: (apply: (update: Uint8Array, origin: unknown) => void) => () => void;
} & PresenceSource;
import type { ArticleBody } from '../../../shared/model/document';
import { BLOCK_CATALOG, filterCatalog, type CatalogEntry } from '../../../shared/editor/blockCatalog';
import type { FindOptions } from '../../../shared/editor/find';
import { matchHotkeyTable } from '../../../shared/editor/hotkeys';
import { changeListDepth } from '../../../shared/editor/lists';
import { setTypography, typographyLanguageFor } from '../../../shared/editor/typography';
import { languageDirection } from '../../../shared/language/languageTag';
import { normalizeBody } from '../../../shared/editor/withArticleEditing';
import { runCatalogEntry, type InsertLibraryBlock } from './catalogActions';
import { runDocumentCommand, type EditorCommand } from './commands';
import { CHUNK_SIZE, connectSharedBody, createBodyEditor } from './createBodyEditor';
import { handleDocumentJump, handleSelectionKey, syncSelectionFromDom } from './keyboardSelection';
import { hideEditableFromReactSelection } from './reactSelectionGuard';
import { FindReplacePanel, useFindDecorate, type CurrentMatch } from './FindReplace';
import { HOTKEYS } from './hotkeyTable';
import { IMAGE_ACCEPT } from './plugins/assets';
import { LinkBubble, LinkPopover, startLinkDraft, type LinkDraft } from './plugins/links';
import { Leaf } from './plugins/marks';
import { insertImageFiles, setPasteHost } from './plugins/paste';
import { renderElement } from './renderElement';
import { chunkRenderer, revealWholeBody, useProgressiveFill } from './progressiveBody';
import { useFocusLeavesText } from './focusLeaves';
import { SLASH_LISTBOX_ID, SlashMenu, sameSlash, slashOptionId, slashQueryAt } from './SlashMenu';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { useWritingSettings } from './writingSettings';
import { useExtendedDecorate, useExtendedLeaf, useExtensionAttach, type EditorExtension } from '../comments/extension';
import { FindingBubble, type TextFindingsLayer } from '../language/styleFindingsLayer';
import { errorMessage } from '../api/call';
import { FindingMenu, type FindingAction } from '../language/FindingMenu';
import { findingRange, useFindingsIndex, type FindingsSource } from '../language/findingsLayer';
import type { TextFinding } from '../../../shared/language/findings';
import { spellingFinding, useSpelling, type Misspelling, type SpellingOptions } from '../language/useSpelling';
import './editor.css';

export type BodyEditorProps = {
  initialValue: ArticleBody;
  /** Called after every change to the document (not on selection moves). */
  onChange: (body: ArticleBody) => void;
  /** Planned length in words; the status bar shows progress against it. */
  plannedLength?: number;
  readOnly?: boolean;
  /** Offers "Author bio" and "AI-use disclosure" in the insert menus when given. */
  onInsertLibraryBlock?: InsertLibraryBlock;
  /** Comments: follows every operation, adds decorations, wraps leaves. */
  extension?: EditorExtension;
  /** Lets the fields above the body (the dek) hand the caret to it. */
  handle?: Ref<BodyEditorHandle>;
  /** A newsroom article: the body is bound to its document (initialValue is ignored). */
  shared?: SharedBody;
  /** Findings to underline in the text (house style), with their fixes and “Ignore”: the caret panel shows one, and Alt+F7 and right-click open its menu as for a misspelling. */
  textFindings?: TextFindingsLayer;
  /** The article's language (BCP 47): the body's `lang`, its direction and its quote style. */
  language?: string;
  /** Who suggests here (the desk's profile or the newsroom account), and whether the view opens suggesting. */
  suggestions?: { author: SuggestionAuthor; initiallyOn: boolean };
  /** Checks spelling in the article's language (the browser's own checker is off then). */
  spelling?: SpellingOptions;
};

export type BodyEditorHandle = { focusStart: () => void };

export function BodyEditor({
  initialValue,
  onChange,
  plannedLength,
  readOnly = false,
  onInsertLibraryBlock,
  extension,
  handle,
  shared,
  textFindings,
  language,
  suggestions,
  spelling,
}: BodyEditorProps) {
  const [editor] = useState(() => createBodyEditor(shared?.doc));
  // Suggesting mode belongs to this view of the article; the editor asks for the author at each change.
  const [suggesting, setSuggesting] = useState(() => suggestions?.initiallyOn === true);
  const suggestionSource = useRef<SuggestionAuthor | null>(null);
  suggestionSource.current = suggesting && suggestions ? suggestions.author : null;
  useState(() => setSuggestionSource(editor, () => suggestionSource.current));
  // Connected at once, so the first paint shows the document's children; the effect keeps it connected while mounted.
  useState(() => shared && connectSharedBody(editor));
  useEffect(() => {
    if (!shared) return undefined;
    const disconnect = connectSharedBody(editor);
    // Updates from elsewhere go in after what was typed in this task is written (shared/sync/slateBinding.ts).
    const stopApplying = shared.applyRemoteWith((update, origin) => applyRemoteUpdate(editor as unknown as YjsEditor, update, origin));
    return () => {
      stopApplying();
      disconnect();
    };
  }, [editor, shared]);
  const writing = useWritingSettings();
  const lang = language ?? writing.language;
  setTypography(editor, { enabled: writing.smartTypography, language: typographyLanguageFor(lang) });
  useImperativeHandle(
    handle,
    () => ({
      focusStart: () => {
        const start = Editor.start(editor, []);
        // Focus before selecting: with an operation pending, Slate defers focus to a later tick and
        // the next key (typed at once after Enter) would land in the field the writer just left.
        ReactEditor.focus(editor);
        Transforms.select(editor, start);
        // The DOM caret too, for a key that arrives before React renders the new selection.
        const caret = ReactEditor.toDOMRange(editor, { anchor: start, focus: start });
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(caret);
      },
    }),
    [editor],
  );
  const [value] = useState(() => (shared ? editor.children : (normalizeBody(initialValue) as Descendant[])));
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const onValueChange = useCallback((next: Descendant[]) => onChangeRef.current(next as ArticleBody), []);

  return (
    <Slate editor={editor} initialValue={value} onValueChange={onValueChange}>
      <EditorSurface
        plannedLength={plannedLength}
        readOnly={readOnly}
        onInsertLibraryBlock={onInsertLibraryBlock}
        extension={extension}
        presence={shared}
        textFindings={writing.checkStyle === false ? undefined : textFindings}
        language={lang}
        suggesting={suggesting && suggestions !== undefined}
        onToggleSuggesting={suggestions ? () => setSuggesting((on) => !on) : undefined}
        spellingOptions={writing.checkSpelling === false ? undefined : spelling}
      />
    </Slate>
  );
}

type SurfaceProps = Pick<BodyEditorProps, 'plannedLength' | 'readOnly' | 'onInsertLibraryBlock' | 'extension' | 'textFindings'> & {
  presence?: PresenceSource | undefined;
  language: string;
  suggesting: boolean;
  onToggleSuggesting: (() => void) | undefined;
  spellingOptions?: SpellingOptions | undefined;
};

/** The finding the menu is open on: a misspelling (its fixes looked up when opened) or a finding of the layer. */
type OpenFinding = { kind: 'spelling'; misspelling: Misspelling; fixes: string[] | null } | { kind: 'finding'; finding: TextFinding };

function EditorSurface({
  plannedLength,
  readOnly = false,
  onInsertLibraryBlock,
  extension,
  presence,
  textFindings,
  language,
  suggesting,
  onToggleSuggesting,
  spellingOptions,
}: SurfaceProps) {
  const editor = useSlateStatic();
  useExtensionAttach(editor, extension);
  const renderChunk = useMemo(() => chunkRenderer(editor), [editor]);
  useProgressiveFill(editor, CHUNK_SIZE);
  const renderLeaf = useExtendedLeaf(Leaf, extension);
  const [page, setPage] = useState<HTMLDivElement | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [linkDraft, setLinkDraft] = useState<LinkDraft | null>(null);
  const [findMode, setFindMode] = useState<'find' | 'replace' | null>(null);
  const [findOptions, setFindOptions] = useState<FindOptions>({ query: '', caseSensitive: false });
  const [currentMatch, setCurrentMatch] = useState<CurrentMatch>(null);
  const [slashDismissed, setSlashDismissed] = useState<string | null>(null);
  const [slashIndex, setSlashIndex] = useState(0);
  const spelling = useSpelling(editor, spellingOptions);
  // House style's findings in the one findings layer: underlined, found at the caret, by Alt+F7 and right-click.
  const styleFindings = textFindings?.findings;
  const ignoreStyle = textFindings?.ignore;
  const findings = useMemo<FindingsSource | undefined>(
    () =>
      styleFindings && ignoreStyle
        ? { findings: styleFindings, actionsFor: (f) => [{ id: 'ignore', label: 'Ignore this one', run: () => ignoreStyle(f) }] }
        : undefined,
    [styleFindings, ignoreStyle],
  );
  const layer = useFindingsIndex(findings);
  const [openFinding, setOpenFinding] = useState<OpenFinding | null>(null);
  const suggest = spelling.suggest;
  const openSpellingMenu = useCallback(
    (misspelling: Misspelling) => {
      Transforms.select(editor, misspelling.range);
      setOpenFinding({ kind: 'spelling', misspelling, fixes: null });
      void suggest(misspelling.word).then((fixes) =>
        setOpenFinding((open) => (open?.kind === 'spelling' && open.misspelling === misspelling ? { ...open, fixes } : open)),
      );
    },
    [editor, suggest],
  );
  const openLayerMenu = useCallback(
    (finding: TextFinding) => {
      Transforms.select(editor, findingRange(finding));
      setOpenFinding({ kind: 'finding', finding });
    },
    [editor],
  );
  const findingAt = layer.at;
  const nextFinding = layer.next;

  useEffect(() => setPasteHost(editor, { notify: setNotice }), [editor]);

  const entries = useMemo(() => BLOCK_CATALOG.filter((e) => e.action !== 'library' || onInsertLibraryBlock !== undefined), [onInsertLibraryBlock]);
  const catalogContext = useMemo(() => ({ chooseImage: () => fileInput.current?.click(), onInsertLibraryBlock }), [onInsertLibraryBlock]);

  // The "/" menu follows the paragraph under the cursor.
  const slash = useSlateSelector(slashQueryAt, sameSlash);
  const slashOpen = !readOnly && slash !== null && slash.key !== slashDismissed;
  const slashEntries = useMemo(() => (slash ? filterCatalog(entries, slash.query) : []), [entries, slash]);
  const activeSlashIndex = Math.min(slashIndex, Math.max(slashEntries.length - 1, 0));
  if (slash === null && slashDismissed !== null) setSlashDismissed(null);
  const lastQuery = useRef<string | null>(null);
  if ((slash?.query ?? null) !== lastQuery.current) {
    lastQuery.current = slash?.query ?? null;
    if (slashIndex !== 0) setSlashIndex(0);
  }

  const insertEntry = useCallback(
    (entry: CatalogEntry) => {
      runCatalogEntry(editor, entry, catalogContext);
      if (entry.action !== 'image') ReactEditor.focus(editor);
    },
    [editor, catalogContext],
  );

  const chooseSlashEntry = useCallback(
    (entry: CatalogEntry) => {
      const current = slashQueryAt(editor);
      if (current) Transforms.delete(editor, { at: Editor.range(editor, current.path) });
      insertEntry(entry);
    },
    [editor, insertEntry],
  );

  const spellingAt = spelling.at;
  const nextMisspelling = spelling.next;
  const spellingOn = spelling.on;
  const spellingState = spelling.state?.state;
  const runCommand = useCallback(
    (command: EditorCommand) => {
      if (readOnly && command !== 'find' && command !== 'replace') return;
      if (runDocumentCommand(editor, command)) return;
      if (command === 'suggesting-mode') {
        onToggleSuggesting?.();
        return;
      }
      if (command === 'spelling') {
        // At the caret first (a misspelling, then another finding), else the next one after it.
        const focus = editor.selection?.focus ?? null;
        const here = focus && spellingOn ? spellingAt(focus) : null;
        const finding = focus && !here ? findingAt(focus) : null;
        const misspelling = here ?? (finding || !spellingOn ? null : nextMisspelling(focus));
        const later = misspelling || finding ? null : nextFinding(focus);
        if (misspelling) openSpellingMenu(misspelling);
        else if (finding ?? later) openLayerMenu((finding ?? later)!);
        else
          setNotice(
            !spellingOn
              ? 'Spelling is not checked in this article’s language.'
              : spellingState === 'loading'
                ? 'The dictionary is still loading; try again in a moment.'
                : 'No spelling mistakes found.',
          );
      } else if (command === 'link') {
        setLinkDraft(startLinkDraft(editor));
      } else if (command === 'find' || command === 'replace') {
        const { selection } = editor;
        if (selection && Range.isExpanded(selection)) {
          const selected = Editor.string(editor, selection);
          if (selected && selected.length < 100 && !selected.includes('\n')) setFindOptions((o) => ({ ...o, query: selected }));
        }
        setFindMode(command);
      }
    },
    [editor, readOnly, onToggleSuggesting, spellingOn, spellingAt, nextMisspelling, openSpellingMenu, spellingState, findingAt, nextFinding, openLayerMenu],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (!ReactEditor.hasEditableTarget(editor, event.target)) return;
      if (slashOpen) {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          const n = slashEntries.length || 1;
          setSlashIndex((activeSlashIndex + (event.key === 'ArrowDown' ? 1 : -1) + n) % n);
          return;
        }
        if (event.key === 'Enter' && slashEntries[activeSlashIndex]) {
          event.preventDefault();
          chooseSlashEntry(slashEntries[activeSlashIndex]);
          return;
        }
        if (event.key === 'Escape') {
          event.preventDefault();
          setSlashDismissed(slash.key);
          return;
        }
      }
      if (handleDocumentJump(editor, event)) return;
      // Page Down moves the page's caret over what is rendered: a long article's later blocks come first.
      if (event.key === 'PageDown') revealWholeBody(editor, true);
      if (handleSelectionKey(editor, event)) return;
      // Slate moves the caret for the arrows itself, from its own selection (and by the block's direction,
      // so Left goes forward in Arabic): make that the page's first, or a Home or End pressed just before,
      // not yet read back on Slate's throttle, is undone.
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') syncSelectionFromDom(editor);
      if (event.key === 'Tab' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        syncSelectionFromDom(editor);
        if (changeListDepth(editor, event.shiftKey ? -1 : 1)) event.preventDefault();
        return;
      }
      const command = matchHotkeyTable(HOTKEYS, event.nativeEvent);
      if (command) {
        event.preventDefault();
        syncSelectionFromDom(editor);
        runCommand(command);
      }
    },
    [editor, slashOpen, slashEntries, activeSlashIndex, slash, chooseSlashEntry, runCommand],
  );

  // Slate reads the page's selection on a 100 ms throttle and, for deletions, trusts its own copy:
  // Home then Backspace within that time deleted the line's last character. Catch up first.
  const onDOMBeforeInput = useCallback(
    (event: InputEvent) => {
      if (event.inputType.startsWith('delete') && !event.inputType.startsWith('deleteBy')) syncSelectionFromDom(editor);
    },
    [editor],
  );

  // Handled here rather than through beforeinput, so every paste (HTML, files, text) takes one path.
  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLDivElement>) => {
      if (readOnly || !ReactEditor.hasEditableTarget(editor, event.target)) return;
      event.preventDefault();
      ReactEditor.insertData(editor, event.clipboardData);
    },
    [editor, readOnly],
  );

  // Right-click on an underlined word: its suggestions instead of the browser's menu.
  const onBlurCapture = useFocusLeavesText(editor);
  const onContextMenu = useCallback(
    (event: MouseEvent<HTMLDivElement>) => {
      if (readOnly || !ReactEditor.hasEditableTarget(editor, event.target)) return;
      let point;
      try {
        point = ReactEditor.findEventRange(editor, event).anchor;
      } catch {
        return;
      }
      const misspelling = spellingOn ? spellingAt(point) : null;
      const finding = misspelling ? null : findingAt(point);
      if (misspelling) openSpellingMenu(misspelling);
      else if (finding) openLayerMenu(finding);
      else return;
      event.preventDefault();
    },
    [editor, readOnly, spellingOn, spellingAt, openSpellingMenu, findingAt, openLayerMenu],
  );

  const findDecorate = useFindDecorate(findMode ? findOptions : null, currentMatch);
  // Find's matches, spelling's underlines, then the findings layer's (house style; its caret panel below).
  const spellingDecorate = spelling.decorate;
  const layerDecorate = layer.decorate;
  const decorate = useExtendedDecorate(
    useCallback(
      (entry: NodeEntry) => {
        const found = findDecorate(entry);
        const misspelled = spellingDecorate(entry);
        const flagged = layerDecorate(entry);
        return misspelled.length || flagged.length ? [...found, ...misspelled, ...flagged] : found;
      },
      [findDecorate, spellingDecorate, layerDecorate],
    ),
    extension,
  );
  const closeFindingMenu = useCallback(() => {
    setOpenFinding(null);
    // Opening the menu selected the word; back in the text the caret sits after it, so typing does not replace it.
    if (editor.selection && Range.isExpanded(editor.selection)) Transforms.collapse(editor, { edge: 'end' });
    ReactEditor.focus(editor);
  }, [editor]);
  const applyFix = useCallback(
    (fix: string) => {
      const open = openFinding;
      setOpenFinding(null);
      ReactEditor.focus(editor);
      if (!open) return;
      // The text may have changed while the menu was open: fix the words only where they still are.
      const word = open.kind === 'spelling' ? open.misspelling.word : open.finding.word;
      let range: Range | null = open.kind === 'spelling' ? open.misspelling.range : findingRange(open.finding);
      try {
        if (Editor.string(editor, range) !== word) range = open.kind === 'spelling' ? (spellingAt(range.anchor)?.range ?? null) : null;
      } catch {
        range = null;
      }
      if (range) Transforms.insertText(editor, fix, { at: range });
    },
    [editor, openFinding, spellingAt],
  );
  const spellingActions = useCallback(
    (word: string): FindingAction[] =>
      spellingOptions
        ? [
            {
              id: 'add',
              label: 'Add to newsroom dictionary',
              run: () => {
                spellingOptions.onAddWord(word).catch((error: unknown) => setNotice(errorMessage(error)));
                closeFindingMenu();
              },
            },
            {
              id: 'ignore',
              label: 'Ignore in this article',
              run: () => {
                spellingOptions.onIgnoreWord(word).catch((error: unknown) => setNotice(errorMessage(error)));
                closeFindingMenu();
              },
            },
          ]
        : [],
    [spellingOptions, closeFindingMenu],
  );

  const closeFind = useCallback(() => {
    setFindMode(null);
    setCurrentMatch(null);
  }, []);

  return (
    <div className="body-editor-frame" data-spelling={spelling.status}>
      <Toolbar disabled={readOnly} suggesting={suggesting} entries={entries} onCommand={runCommand} onInsert={insertEntry} />
      {findMode && (
        <FindReplacePanel mode={findMode} options={findOptions} onOptionsChange={setFindOptions} onCurrentChange={setCurrentMatch} onClose={closeFind} />
      )}
      {spelling.state?.state === 'unavailable' && (
        <div className="editor-notice" role="status">
          <span>{spelling.state.message}</span>
        </div>
      )}
      {notice && (
        <div className="editor-notice" role="alert">
          <span>{notice}</span>
          <button type="button" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      <div className="body-editor-page" ref={setPage}>
        <Editable
          ref={hideEditableFromReactSelection}
          className="body-editor"
          aria-label="Article body"
          // Only the article's text takes its language's direction; the desk around it stays as it is.
          lang={language}
          dir={languageDirection(language)}
          // Slate drops the role when read-only; a read-only text box keeps aria-multiline valid and the body findable.
          role="textbox"
          aria-multiline
          aria-readonly={readOnly || undefined}
          aria-controls={slashOpen ? SLASH_LISTBOX_ID : undefined}
          aria-activedescendant={slashOpen && slashEntries[activeSlashIndex] ? slashOptionId(slashEntries[activeSlashIndex]) : undefined}
          // Ours when the article's language has a dictionary; the browser's otherwise, never both.
          spellCheck={!spellingOn}
          readOnly={readOnly}
          renderElement={renderElement}
          renderChunk={renderChunk}
          renderLeaf={renderLeaf}
          decorate={decorate}
          onKeyDown={onKeyDown}
          onDOMBeforeInput={onDOMBeforeInput}
          onPaste={onPaste}
          onContextMenu={onContextMenu}
          onBlurCapture={onBlurCapture}
          placeholder="Start writing the story… (type / for blocks)"
        />
        {presence && <PresenceCursors source={presence} frame={page} />}
        {openFinding && (
          <FindingMenu
            finding={openFinding.kind === 'spelling' ? spellingFinding(editor, openFinding.misspelling, openFinding.fixes ?? []) : openFinding.finding}
            range={openFinding.kind === 'spelling' ? openFinding.misspelling.range : findingRange(openFinding.finding)}
            frame={page}
            fixesReady={openFinding.kind === 'finding' || openFinding.fixes !== null}
            onFix={applyFix}
            onClose={closeFindingMenu}
            actions={
              openFinding.kind === 'spelling'
                ? spellingActions(openFinding.misspelling.word)
                : (findings?.actionsFor?.(openFinding.finding) ?? []).map((a) => ({
                    ...a,
                    run: () => {
                      a.run();
                      closeFindingMenu();
                    },
                  }))
            }
          />
        )}

        {linkDraft && <LinkPopover draft={linkDraft} frame={page} onClose={() => setLinkDraft(null)} />}
        {!linkDraft && <LinkBubble frame={page} onEdit={() => setLinkDraft(startLinkDraft(editor))} />}
        {textFindings && !linkDraft && !slashOpen && <FindingBubble layer={textFindings} frame={page} readOnly={readOnly} />}
        {slashOpen && slash && (
          <SlashMenu
            editor={editor}
            slash={slash}
            entries={slashEntries}
            activeIndex={activeSlashIndex}
            frame={page}
            onChoose={chooseSlashEntry}
            onHover={setSlashIndex}
          />
        )}
      </div>
      <StatusBar plannedLength={plannedLength} language={language} />
      <input
        ref={fileInput}
        type="file"
        accept={IMAGE_ACCEPT}
        multiple
        hidden
        aria-label="Image file"
        data-testid="image-file-input"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (files.length) void insertImageFiles(editor, files);
        }}
      />
    </div>
  );
}
