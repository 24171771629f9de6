/** The "/" menu: a listbox of blocks under (or, near the bottom of the window, above) a paragraph that starts with "/". */
import { useMemo, useRef } from 'react';
import { Editor, Node, Range, type Path } from 'slate';
import type { CatalogEntry } from '../../../shared/editor/blockCatalog';
import { isParagraph } from '../../../shared/editor/schema';
import { useFloatingPosition } from './floating';

export type SlashQuery = { key: string; path: Path; query: string };

/** The slash query at the cursor: a paragraph whose whole text is "/" plus a short filter. */
export function slashQueryAt(editor: Editor): SlashQuery | null {
  const { selection } = editor;
  if (!selection || !Range.isCollapsed(selection)) return null;
  const entry = Editor.above(editor, { match: isParagraph, mode: 'lowest' });
  if (!entry) return null;
  const [node, path] = entry;
  const text = Node.string(node);
  if (!text.startsWith('/') || text.length > 40 || /\n/.test(text)) return null;
  if (!Editor.isEnd(editor, selection.anchor, path)) return null;
  return { key: path.join('.'), path, query: text.slice(1) };
}

const pathOfSlashKey = (key: string): Path => key.split('.').map(Number);

export const sameSlash = (a: SlashQuery | null, b: SlashQuery | null) => a?.key === b?.key && a?.query === b?.query;

export const slashOptionId = (entry: CatalogEntry) => `slash-option-${entry.id}`;
export const SLASH_LISTBOX_ID = 'slash-menu';

type Props = {
  editor: Editor;
  slash: SlashQuery;
  entries: CatalogEntry[];
  activeIndex: number;
  frame: HTMLElement | null;
  onChoose: (entry: CatalogEntry) => void;
  onHover: (index: number) => void;
};

export function SlashMenu({ editor, slash, entries, activeIndex, frame, onChoose, onHover }: Props) {
  // Keyed on the path's text: every keystroke in the query brings a new path array for the same paragraph.
  const { key } = slash;
  const range = useMemo(() => {
    const start = Editor.start(editor, pathOfSlashKey(key));
    return { anchor: start, focus: start };
  }, [editor, key]);
  const panel = useRef<HTMLDivElement>(null);
  const pos = useFloatingPosition(range, frame, 280, panel, entries);
  const active = entries[activeIndex];
  return (
    <div
      ref={panel}
      id={SLASH_LISTBOX_ID}
      className="floating-panel slash-menu"
      data-placement={pos?.placement}
      role="listbox"
      aria-label="Insert block"
      aria-activedescendant={active ? slashOptionId(active) : undefined}
      style={pos ? { top: pos.top, left: pos.left } : undefined}
    >
      {entries.length === 0 && <div className="slash-empty">No matching blocks</div>}
      {entries.map((entry, i) => (
        <div
          key={entry.id}
          id={slashOptionId(entry)}
          role="option"
          aria-selected={i === activeIndex}
          className={i === activeIndex ? 'slash-option is-active' : 'slash-option'}
          onMouseDown={(e) => {
            e.preventDefault();
            onChoose(entry);
          }}
          onMouseEnter={() => onHover(i)}
        >
          {entry.label}
        </div>
      ))}
    </div>
  );
}
