/** Chooses the author or disclosure template a new library block refers to, searching by name. */
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState } from 'react';
import { authorBioBlock, disclosureBlock } from '../../../../shared/library/blocks';
import { AI_USE_LABELS, listInWords } from '../../../../shared/library/entries';
import type { AiUse } from '../../../../shared/model/article';
import { inlineText } from '../../../../shared/model/document';
import { declareUses, undeclaredUses } from '../../../../shared/rules/library';
import { announce } from '../../app/focus';
import { useLibraryBlocks } from './LibraryContext';

type Option = {
  id: string;
  title: string;
  detail: string;
  /** The AI uses a disclosure template tells readers of. */
  covers: readonly AiUse[];
  make: () => ReturnType<typeof authorBioBlock> | ReturnType<typeof disclosureBlock>;
};

/** A disclosure chosen whose uses the article does not declare yet: the picker offers to declare them. */
type Offer = { option: Option; uses: AiUse[]; declaredNone: boolean };

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
  const [offer, setOffer] = useState<Offer | undefined>();
  const declareButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (offer) declareButton.current?.focus();
  }, [offer]);

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
        ? library.authors.filter((a) => !a.archived).map((a) => ({ id: a.id, title: a.name, detail: a.jobTitle, covers: [], make: () => authorBioBlock(a) }))
        : library.templates
            .filter((t) => !t.archived)
            .map((t) => ({
              id: t.id,
              title: t.title,
              detail: t.covers.length ? `Covers ${listInWords(t.covers.map((u) => AI_USE_LABELS[u]))}` : 'For articles with no AI use',
              covers: t.covers,
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
    setOffer(undefined);
    library.finishPick(block);
  };
  const current = options[Math.min(active, options.length - 1)];
  // A disclosure that tells readers of uses the declaration leaves out: offer to declare them (one key) before inserting.
  const choose = (option: Option) => {
    const declared = library.declaration()?.current();
    const uses = declared ? undeclaredUses(declared, option.covers) : [];
    if (declared && uses.length > 0) setOffer({ option, uses, declaredNone: declared.uses.length === 0 });
    else close(option.make());
  };
  const declareAndInsert = (o: Offer) => {
    const handle = library.declaration();
    if (handle) handle.change(declareUses(handle.current(), o.uses));
    announce(`AI use declared: ${listInWords(o.uses.map((u) => AI_USE_LABELS[u]))}.`);
    close(o.option.make());
  };

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog library-picker"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        // Escape at the offer keeps the choice made and leaves the declaration as it is.
        close(offer ? offer.option.make() : null);
      }}
    >
      <h2 id={titleId}>{isAuthor ? 'Insert an author bio' : 'Insert an AI-use disclosure'}</h2>
      {offer ? (
        <div className="declare-offer">
          <p>
            “{offer.option.title}” tells readers AI was used for {listInWords(offer.uses.map((u) => AI_USE_LABELS[u]))}.{' '}
            {offer.declaredNone ? 'The article’s AI-use declaration says None.' : 'The article’s AI-use declaration does not name these uses yet.'}
          </p>
          <div className="button-row end">
            <button type="button" onClick={() => close(offer.option.make())}>
              Insert only
            </button>
            <button ref={declareButton} type="button" className="primary" onClick={() => declareAndInsert(offer)}>
              Insert and declare these uses
            </button>
          </div>
        </div>
      ) : (
        <>
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
                choose(current);
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
                  onClick={() => choose(o)}
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
        </>
      )}
    </dialog>
  );
}
