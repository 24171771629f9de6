/** The article body editor (Slate). Uncontrolled after mount: remount with a `key` to load another article. */
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type Ref } from 'react';
import { Editor, Range, Transforms, type Descendant } from 'slate';
import { Editable, ReactEditor, Slate, useSlateSelector, useSlateStatic } from 'slate-react';
import type * as Y from 'yjs';
import type { YjsEditor } from '@slate-yjs/core';
import { applyRemoteUpdate } from '../../../shared/sync/slateBinding';
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
import { setTypography } from '../../../shared/editor/typography';
import { normalizeBody } from '../../../shared/editor/withArticleEditing';
import { runCatalogEntry, type InsertLibraryBlock } from './catalogActions';
import { runDocumentCommand, type EditorCommand } from './commands';
import { connectSharedBody, createBodyEditor } from './createBodyEditor';
import { handleSelectionKey, syncSelectionFromDom } from './keyboardSelection';
import { hideEditableFromReactSelection } from './reactSelectionGuard';
import { FindReplacePanel, useFindDecorate, type CurrentMatch } from './FindReplace';
import { HOTKEYS } from './hotkeyTable';
import { IMAGE_ACCEPT } from './plugins/assets';
import { LinkBubble, LinkPopover, startLinkDraft, type LinkDraft } from './plugins/links';
import { Leaf } from './plugins/marks';
import { insertImageFiles, setPasteHost } from './plugins/paste';
import { renderChunk, renderElement } from './renderElement';
import { SLASH_LISTBOX_ID, SlashMenu, sameSlash, slashOptionId, slashQueryAt } from './SlashMenu';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { useWritingSettings } from './writingSettings';
import { useExtendedDecorate, useExtendedLeaf, useExtensionAttach, type EditorExtension } from '../comments/extension';
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
};

export type BodyEditorHandle = { focusStart: () => void };

export function BodyEditor({ initialValue, onChange, plannedLength, readOnly = false, onInsertLibraryBlock, extension, handle, shared }: BodyEditorProps) {
  const [editor] = useState(() => createBodyEditor(shared?.doc));
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
  // The desk's language until articles have their own.
  const writing = useWritingSettings();
  setTypography(editor, { enabled: writing.smartTypography, language: writing.language });
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
      <EditorSurface plannedLength={plannedLength} readOnly={readOnly} onInsertLibraryBlock={onInsertLibraryBlock} extension={extension} presence={shared} />
    </Slate>
  );
}

type SurfaceProps = Pick<BodyEditorProps, 'plannedLength' | 'readOnly' | 'onInsertLibraryBlock' | 'extension'> & { presence?: PresenceSource };

function EditorSurface({ plannedLength, readOnly = false, onInsertLibraryBlock, extension, presence }: SurfaceProps) {
  const editor = useSlateStatic();
  useExtensionAttach(editor, extension);
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

  const runCommand = useCallback(
    (command: EditorCommand) => {
      if (readOnly && command !== 'find' && command !== 'replace') return;
      if (runDocumentCommand(editor, command)) return;
      if (command === 'link') {
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
    [editor, readOnly],
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
      if (handleSelectionKey(editor, event)) return;
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

  // Handled here rather than through beforeinput, so every paste (HTML, files, text) takes one path.
  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLDivElement>) => {
      if (readOnly || !ReactEditor.hasEditableTarget(editor, event.target)) return;
      event.preventDefault();
      ReactEditor.insertData(editor, event.clipboardData);
    },
    [editor, readOnly],
  );

  const decorate = useExtendedDecorate(useFindDecorate(findMode ? findOptions : null, currentMatch), extension);
  const closeFind = useCallback(() => {
    setFindMode(null);
    setCurrentMatch(null);
  }, []);

  return (
    <div className="body-editor-frame">
      <Toolbar disabled={readOnly} entries={entries} onCommand={runCommand} onInsert={insertEntry} />
      {findMode && (
        <FindReplacePanel mode={findMode} options={findOptions} onOptionsChange={setFindOptions} onCurrentChange={setCurrentMatch} onClose={closeFind} />
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
          // Slate drops the role when read-only; a read-only text box keeps aria-multiline valid and the body findable.
          role="textbox"
          aria-multiline
          aria-readonly={readOnly || undefined}
          aria-controls={slashOpen ? SLASH_LISTBOX_ID : undefined}
          aria-activedescendant={slashOpen && slashEntries[activeSlashIndex] ? slashOptionId(slashEntries[activeSlashIndex]) : undefined}
          spellCheck
          readOnly={readOnly}
          renderElement={renderElement}
          renderChunk={renderChunk}
          renderLeaf={renderLeaf}
          decorate={decorate}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          placeholder="Start writing the story… (type / for blocks)"
        />
        {presence && <PresenceCursors source={presence} frame={page} />}
        {linkDraft && <LinkPopover draft={linkDraft} frame={page} onClose={() => setLinkDraft(null)} />}
        {!linkDraft && <LinkBubble frame={page} onEdit={() => setLinkDraft(startLinkDraft(editor))} />}
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
      <StatusBar plannedLength={plannedLength} />
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
