/** Tags as removable chips, with completion from tags already used in the newsroom. */
import { useId, useMemo, useState } from 'react';
import { useCombobox } from '../../app/useCombobox';
import { X } from 'lucide-react';

type Props = { tags: string[]; known: string[]; onChange: (tags: string[]) => void; maxLength?: number };

export function TagInput({ tags, known, onChange, maxLength = 60 }: Props) {
  const [draft, setDraft] = useState('');
  const inputId = useId();

  const suggestions = useMemo(() => {
    const q = draft.trim().toLowerCase();
    if (!q) return [];
    return known.filter((t) => t.toLowerCase().includes(q) && !tags.includes(t)).slice(0, 8);
  }, [draft, known, tags]);
  const combo = useCombobox(suggestions.length);
  const { active, setActive, listId } = combo;

  const add = (tag: string) => {
    const clean = tag.trim().slice(0, maxLength);
    if (clean && !tags.some((t) => t.toLowerCase() === clean.toLowerCase())) onChange([...tags, clean]);
    setDraft('');
    setActive(0);
  };

  return (
    <div className="tag-input">
      <label htmlFor={inputId}>Tags</label>
      <ul className="chips" aria-label="Tags on this article">
        {tags.map((tag) => (
          <li key={tag} className="chip">
            {tag}
            <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
              <X size={14} aria-hidden="true" />
            </button>
          </li>
        ))}
      </ul>
      <input
        id={inputId}
        {...combo.inputProps}
        value={draft}
        placeholder="Add a tag and press Enter"
        onChange={(e) => {
          setDraft(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (combo.moveWithArrows(e)) return;
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add(suggestions[active] ?? draft);
          } else if (e.key === 'Backspace' && draft === '' && tags.length) {
            onChange(tags.slice(0, -1));
          } else if (e.key === 'Escape') {
            setDraft('');
          }
        }}
      />
      {suggestions.length > 0 && (
        <ul className="suggestions" role="listbox" id={listId} aria-label="Tag suggestions">
          {suggestions.map((s, i) => (
            <li
              key={s}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                add(s);
              }}
            >
              {s}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
