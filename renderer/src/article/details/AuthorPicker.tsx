/** The byline: one or more authors from the author library, picked by searching their names. */
import { useId, useMemo, useState } from 'react';
import { useCombobox } from '../../app/useCombobox';
import type { Author } from '../../../../shared/model/article';
import { ArrowUp, X } from 'lucide-react';
import { fixTarget } from '../../review/findingFixes';

type Props = {
  authorIds: string[];
  authors: Author[];
  onChange: (authorIds: string[]) => void;
};

export function AuthorPicker({ authorIds, authors, onChange }: Props) {
  const [query, setQuery] = useState('');
  const inputId = useId();
  const byId = useMemo(() => new Map(authors.map((a) => [a.id, a])), [authors]);

  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return authors
      .filter((a) => !a.archived && !authorIds.includes(a.id))
      .filter((a) => a.name.toLowerCase().includes(q) || a.jobTitle.toLowerCase().includes(q))
      .slice(0, 8);
  }, [query, authors, authorIds]);
  const combo = useCombobox(matches.length);
  const { active, setActive, listId } = combo;

  const add = (author: Author | undefined) => {
    if (!author) return;
    onChange([...authorIds, author.id]);
    setQuery('');
    setActive(0);
  };

  const move = (index: number, delta: number) => {
    const next = [...authorIds];
    const [id] = next.splice(index, 1);
    next.splice(index + delta, 0, id!);
    onChange(next);
  };

  return (
    <div className="author-picker">
      <label htmlFor={inputId}>Byline</label>
      <ol className="byline-list" aria-label="Authors in the byline">
        {authorIds.map((id, i) => {
          const author = byId.get(id);
          const name = author?.name ?? 'Unknown author';
          return (
            <li key={id} className="chip">
              <span>
                {name}
                {author?.archived ? ' (archived)' : ''}
              </span>
              {i > 0 && (
                <button type="button" aria-label={`Move ${name} earlier`} onClick={() => move(i, -1)}>
                  <ArrowUp size={14} aria-hidden="true" />
                </button>
              )}
              <button type="button" aria-label={`Remove ${name} from the byline`} onClick={() => onChange(authorIds.filter((a) => a !== id))}>
                <X size={14} aria-hidden="true" />
              </button>
            </li>
          );
        })}
      </ol>
      <input
        id={inputId}
        {...combo.inputProps}
        {...fixTarget('byline')}
        value={query}
        placeholder="Search authors to add"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (combo.moveWithArrows(e)) return;
          if (e.key === 'Enter') {
            e.preventDefault();
            add(matches[active]);
          } else if (e.key === 'Escape') setQuery('');
        }}
      />
      {query.trim() !== '' && (
        <ul className="suggestions" role="listbox" id={listId} aria-label="Matching authors">
          {matches.length === 0 ? (
            <li className="muted" role="presentation">
              No author matches “{query.trim()}”.
            </li>
          ) : (
            matches.map((a, i) => (
              <li
                key={a.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : ''}
                onMouseDown={(e) => {
                  e.preventDefault();
                  add(a);
                }}
              >
                <strong>{a.name}</strong> <span className="muted">{a.jobTitle}</span>
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
