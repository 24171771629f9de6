/** Chooses the author or disclosure template a new library block refers to, searching by name. */
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState } from 'react';
import { authorBioBlock, disclosureBlock } from '../../../../shared/library/blocks';
import { AI_USE_LABELS, listInWords } from '../../../../shared/library/entries';
import { inlineText } from '../../../../shared/model/document';
import { useLibraryBlocks } from './LibraryContext';

type Option = { id: string; title: string; detail: string; make: () => ReturnType<typeof authorBioBlock> | ReturnType<typeof disclosureBlock> };

export function LibraryBlockPicker() {
  const library = useLibraryBlocks();
  const request = library?.request;
  const dialog = useRef<HTMLDialogElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const titleId = useId();
  const releaseEditorFocus = useEffectEvent(() => library?.releaseFocus());

  useEffect(() => {
    if (request && dialog.current && !dialog.current.open) {
      dialog.current.showModal();
      // The editor puts its caret back after asking for a block; a caret left in the body keeps
      // the keystrokes, so clear it once the editor is done, then focus the search.
      const id = requestAnimationFrame(() => {
        releaseEditorFocus();
        search.current?.focus();
      });
      return () => cancelAnimationFrame(id);
    }
  }, [request]);

  const options = useMemo<Option[]>(() => {
    if (!library || !request) return [];
    const q = query.trim().toLowerCase();
    const all: Option[] =
      request.kind === 'author-bio'
        ? library.authors.filter((a) => !a.archived).map((a) => ({ id: a.id, title: a.name, detail: a.jobTitle, make: () => authorBioBlock(a) }))
        : library.templates
            .filter((t) => !t.archived)
            .map((t) => ({
              id: t.id,
              title: t.title,
              detail: t.covers.length ? `Covers ${listInWords(t.covers.map((u) => AI_USE_LABELS[u]))}` : 'For articles with no AI use',
              make: () => disclosureBlock(t),
            }));
    if (!q) return all;
    // Title matches before matches in the detail line ("covers research").
    const hits = all.filter((o) => `${o.title} ${o.detail}`.toLowerCase().includes(q));
    return [...hits.filter((o) => o.title.toLowerCase().includes(q)), ...hits.filter((o) => !o.title.toLowerCase().includes(q))];
  }, [library, request, query]);

  if (!library || !request) return null;
  const isAuthor = request.kind === 'author-bio';
  const close = (block: ReturnType<Option['make']> | null) => {
    dialog.current?.close();
    setQuery('');
    setActive(0);
    library.finishPick(block);
  };
  const current = options[Math.min(active, options.length - 1)];

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog library-picker"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        close(null);
      }}
    >
      <h2 id={titleId}>{isAuthor ? 'Insert an author bio' : 'Insert an AI-use disclosure'}</h2>
      <input
        ref={search}
        type="search"
        autoFocus
        role="combobox"
        aria-expanded
        aria-controls={listId}
        aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
        aria-label={isAuthor ? 'Search authors' : 'Search disclosures'}
        placeholder={isAuthor ? 'Search authors by name or title' : 'Search disclosures'}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const n = options.length || 1;
            setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : -1) + n) % n);
          } else if (e.key === 'Enter' && current) {
            e.preventDefault();
            close(current.make());
          }
        }}
      />
      <ul role="listbox" id={listId} aria-label={isAuthor ? 'Authors' : 'Disclosures'} className="library-picker-list">
        {options.length === 0 ? (
          <li role="presentation" className="muted">
            {query.trim()
              ? `Nothing matches “${query.trim()}”.`
              : isAuthor
                ? 'The author library is empty. Add authors under Authors in the sidebar.'
                : 'There are no disclosure templates. Add one under Disclosures in the sidebar.'}
          </li>
        ) : (
          options.map((o) => (
            <li
              key={o.id}
              id={`${listId}-${o.id}`}
              role="option"
              aria-selected={o === current}
              className={o === current ? 'active' : ''}
              onClick={() => close(o.make())}
            >
              <strong>{o.title}</strong> <span className="muted">{o.detail}</span>
            </li>
          ))
        )}
      </ul>
      {!isAuthor && current && <p className="library-picker-preview">{inlineText(library.templates.find((t) => t.id === current.id)?.text ?? [])}</p>}
      <div className="button-row end">
        <button type="button" onClick={() => close(null)}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
