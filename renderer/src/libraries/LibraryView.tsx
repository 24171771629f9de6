/**
 * The layout both libraries share: a searchable list of entries (archived ones on
 * request) beside the form of the chosen or new entry. Each library supplies how
 * an entry is listed, matched and edited.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { call } from '../api/call';
import { useLibraryRevision, useLibraryRole } from './newsroomEntry';
import { problemText } from './problem';
import { useLibraryList } from './useLibraryList';

type Entry = { id: string; archived: boolean; version: number; newsroom?: true };

export type EditorSlot<E> = {
  /** Undefined for a new entry. */
  entry: E | undefined;
  onSaved: (entry: E) => Promise<void>;
  onDeleted: () => Promise<void>;
};

type Props<E extends Entry> = {
  /** Accessible name of the whole area, e.g. "Author library". */
  label: string;
  title: string;
  /** e.g. "author": used in "New author" and "No author matches …". */
  noun: string;
  listLabel: string;
  searchPlaceholder: string;
  emptyText: string;
  load: (includeArchived: boolean) => Promise<E[]>;
  matches: (entry: E, query: string) => boolean;
  renderItem: (entry: E) => ReactNode;
  renderEditor: (slot: EditorSlot<E>) => ReactNode;
  /** Shown when nothing is chosen. */
  intro: ReactNode;
  /** Entries this person only reads (the newsroom's, for a writer): their view follows every new version. */
  readOnly?: (entry: E) => boolean;
};

export function LibraryView<E extends Entry>(props: Props<E>) {
  const [error, setError] = useState('');
  const list = useLibraryList(props.load, (e) => setError(problemText(e)));
  // The newsroom's libraries changed (fetched from the server): list again.
  const libraryRevision = useLibraryRevision();
  const { reload } = list;
  useEffect(() => {
    if (libraryRevision > 0) void reload();
  }, [libraryRevision, reload]);
  // Opening a library asks the newsroom for its latest entries (offline, the desk's copy is shown).
  const { inNewsroom } = useLibraryRole();
  useEffect(() => {
    if (inNewsroom) void call('refreshNewsroom', {}).catch(() => undefined);
  }, [inNewsroom]);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | 'new' | undefined>();
  const { matches } = props;
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    const visible = list.items.filter((e) => list.showArchived || !e.archived || e.id === selected);
    return q ? visible.filter((e) => matches(e, q)) : visible;
  }, [list.items, list.showArchived, search, selected, matches]);
  const current = list.items.find((e) => e.id === selected);

  return (
    <div className="library-area" aria-label={props.label} role="region">
      <div className="library-area-list">
        <div className="library-area-header">
          <h2>{props.title}</h2>
          <button type="button" className="primary" onClick={() => setSelected('new')}>
            New {props.noun}
          </button>
        </div>
        <input
          type="search"
          aria-label={`Search ${props.listLabel.toLowerCase()}`}
          placeholder={props.searchPlaceholder}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label className="check">
          <input type="checkbox" checked={list.showArchived} onChange={(e) => list.setShowArchived(e.target.checked)} />
          Show archived
        </label>
        {list.loaded && shown.length === 0 ? (
          <p className="empty-state">{search.trim() ? `No ${props.noun} matches “${search.trim()}”.` : props.emptyText}</p>
        ) : (
          <ul className="entry-list" aria-label={props.listLabel}>
            {shown.map((e) => (
              <li key={e.id}>
                <button type="button" aria-current={e.id === selected ? 'true' : undefined} onClick={() => setSelected(e.id)}>
                  {props.renderItem(e)}
                  {e.newsroom && <span className="chip">Newsroom</span>}
                  {e.archived && <span className="chip">Archived</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="library-area-editor">
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {selected === 'new' || current ? (
          // A form keeps what is typed in it; a read-only view shows each new version.
          <div key={selected === 'new' ? 'new' : props.readOnly?.(current!) ? `${current!.id}@${current!.version}` : current!.id}>
            {props.renderEditor({
              entry: selected === 'new' ? undefined : current,
              onSaved: async (entry) => {
                await list.reload();
                setSelected(entry.id);
              },
              onDeleted: async () => {
                setSelected(undefined);
                await list.reload();
              },
            })}
          </div>
        ) : (
          <div className="empty-state">{props.intro}</div>
        )}
      </div>
    </div>
  );
}
