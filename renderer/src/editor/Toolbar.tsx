/** The formatting toolbar: block style, marks, link, Insert menu, undo/redo, find. */
import { canRedo, canUndo } from '../../../shared/editor/undoSteps';
import { useRef, useState, type MouseEvent } from 'react';
import { ReactEditor, useSlateSelector, useSlateStatic } from 'slate-react';
import type { Mark } from '../../../shared/model/document';
import { BLOCK_STYLES, BLOCK_STYLE_LABELS, currentBlockStyle, setBlockStyle, type BlockStyle } from '../../../shared/editor/blockStyles';
import type { CatalogEntry } from '../../../shared/editor/blockCatalog';
import { describeHotkey } from '../../../shared/editor/hotkeys';
import { activeMarks } from '../../../shared/editor/marks';
import type { EditorCommand } from './commands';
import { useRovingFocus } from '../app/useRovingFocus';
import { hotkeyFor } from './hotkeyTable';
import { SuggestionTools } from './suggestions/SuggestionTools';
import { useToolbarMenu } from './toolbarMenu';
import { ChevronDown, Redo2, Undo2 } from 'lucide-react';

const MARK_BUTTONS: Array<{ mark: Mark; label: string; glyph: string }> = [
  { mark: 'bold', label: 'Bold', glyph: 'B' },
  { mark: 'italic', label: 'Italic', glyph: 'I' },
  { mark: 'underline', label: 'Underline', glyph: 'U' },
  { mark: 'strikethrough', label: 'Strikethrough', glyph: 'S' },
  { mark: 'superscript', label: 'Superscript', glyph: 'x²' },
  { mark: 'subscript', label: 'Subscript', glyph: 'x₂' },
];

const keepSelection = (e: MouseEvent) => e.preventDefault();

function titleFor(label: string, command: EditorCommand): string {
  const key = hotkeyFor(command);
  return key ? `${label} (${describeHotkey(key)})` : label;
}

type ToolbarProps = {
  disabled: boolean;
  /** Whether the editor is in suggesting mode (SuggestionTools). */
  suggesting: boolean;
  entries: readonly CatalogEntry[];
  onCommand: (command: EditorCommand) => void;
  onInsert: (entry: CatalogEntry) => void;
};

export function Toolbar({ disabled, suggesting, entries, onCommand, onInsert }: ToolbarProps) {
  const editor = useSlateStatic();
  const marks = useSlateSelector((e) => activeMarks(e).join(' '));
  const style = useSlateSelector(currentBlockStyle);
  const undoable = useSlateSelector(canUndo);
  const redoable = useSlateSelector(canRedo);
  const active = new Set(marks.split(' '));
  const ref = useRef<HTMLDivElement>(null);
  const roving = useRovingFocus(ref);

  return (
    // One Tab stop: arrow keys move between the controls, Escape goes back to the text.
    <div
      ref={ref}
      className="editor-toolbar"
      role="toolbar"
      aria-label="Formatting"
      onFocus={roving.onFocus}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && (e.target as HTMLElement).closest('[role="menu"]') === null) {
          e.preventDefault();
          ReactEditor.focus(editor);
        } else if (e.target instanceof HTMLSelectElement && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
          // Up and Down belong to the block type list.
        } else roving.onKeyDown(e);
      }}
    >
      <select
        aria-label="Block type"
        value={style ?? ''}
        disabled={disabled || style === null}
        onChange={(e) => {
          setBlockStyle(editor, e.target.value as BlockStyle);
          ReactEditor.focus(editor);
        }}
      >
        {style === null && <option value="">—</option>}
        {BLOCK_STYLES.map((s) => (
          <option key={s} value={s}>
            {BLOCK_STYLE_LABELS[s]}
          </option>
        ))}
      </select>
      <span className="toolbar-separator" aria-hidden="true" />
      {MARK_BUTTONS.map(({ mark, label, glyph }) => (
        <button
          key={mark}
          type="button"
          className={`tool tool-${mark}`}
          title={titleFor(label, mark)}
          aria-pressed={active.has(mark)}
          disabled={disabled}
          onMouseDown={keepSelection}
          onClick={() => onCommand(mark)}
        >
          {/* The name is the word, not the glyph ("x²" is no name for Superscript). */}
          <span aria-hidden="true">{glyph}</span>
          <span className="visually-hidden">{label}</span>
        </button>
      ))}
      <button
        type="button"
        className="tool"
        aria-label="Link"
        title={titleFor('Link', 'link')}
        disabled={disabled}
        onMouseDown={keepSelection}
        onClick={() => onCommand('link')}
      >
        Link
      </button>
      <span className="toolbar-separator" aria-hidden="true" />
      <InsertMenu disabled={disabled} entries={entries} onInsert={onInsert} />
      <span className="toolbar-separator" aria-hidden="true" />
      <button
        type="button"
        className="tool"
        aria-label="Undo"
        title={titleFor('Undo', 'undo')}
        disabled={disabled || !undoable}
        onMouseDown={keepSelection}
        onClick={() => onCommand('undo')}
      >
        <Undo2 size={14} aria-hidden="true" />
      </button>
      <button
        type="button"
        className="tool"
        aria-label="Redo"
        title={titleFor('Redo', 'redo')}
        disabled={disabled || !redoable}
        onMouseDown={keepSelection}
        onClick={() => onCommand('redo')}
      >
        <Redo2 size={14} aria-hidden="true" />
      </button>
      <button
        type="button"
        className="tool"
        aria-label="Find and replace"
        title={titleFor('Find and replace', 'replace')}
        onMouseDown={keepSelection}
        onClick={() => onCommand('replace')}
      >
        Find
      </button>
      <span className="toolbar-separator" aria-hidden="true" />
      <SuggestionTools disabled={disabled} suggesting={suggesting} onCommand={onCommand} />
    </div>
  );
}

function InsertMenu({ disabled, entries, onInsert }: { disabled: boolean; entries: readonly CatalogEntry[]; onInsert: (entry: CatalogEntry) => void }) {
  const [open, setOpen] = useState(false);
  const { buttonRef, menuRef, onMenuKey } = useToolbarMenu(open, () => setOpen(false));

  return (
    <div className="insert-menu">
      <button
        ref={buttonRef}
        type="button"
        className="tool"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        onMouseDown={keepSelection}
        onClick={() => setOpen((o) => !o)}
      >
        Insert <ChevronDown size={14} aria-hidden="true" />
      </button>
      {open && (
        <div ref={menuRef} className="menu" role="menu" aria-label="Insert" onKeyDown={onMenuKey}>
          {entries.map((entry) => (
            <button
              key={entry.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onMouseDown={keepSelection}
              onClick={() => {
                setOpen(false);
                onInsert(entry);
              }}
            >
              {entry.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
