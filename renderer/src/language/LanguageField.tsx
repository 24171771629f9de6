/**
 * Picks a language: the common ones by name, or any BCP 47 tag typed under "Other…". A typed tag
 * is taken when it is valid (in registry case); otherwise the field says why in a sentence and
 * the language stays as it was.
 */
import { useId, useState } from 'react';
import { COMMON_LANGUAGES, LANGUAGE_TAG_MAX, LANGUAGE_TAG_MESSAGE, languageName, normalizeLanguageTag } from '../../../shared/language/languageTag';

const OTHER = '__other__';

type Props = { label: string; hint?: string; value: string; onChange: (tag: string) => void };

export function LanguageField({ label, hint, value, onChange }: Props) {
  const id = useId();
  const [typing, setTyping] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const listed = (COMMON_LANGUAGES as readonly string[]).includes(value);
  const options = listed ? COMMON_LANGUAGES : [value, ...COMMON_LANGUAGES];

  const take = (raw: string) => {
    const tag = normalizeLanguageTag(raw);
    if (!tag) {
      setError(LANGUAGE_TAG_MESSAGE);
      return;
    }
    setError(null);
    setTyping(null);
    if (tag !== value) onChange(tag);
  };

  return (
    <div className="field language-field">
      <label htmlFor={`${id}-select`}>{label}</label>
      <select
        id={`${id}-select`}
        value={typing !== null ? OTHER : value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          setError(null);
          if (e.target.value === OTHER) setTyping(value);
          else {
            setTyping(null);
            onChange(e.target.value);
          }
        }}
      >
        {options.map((tag) => (
          <option key={tag} value={tag}>
            {languageName(tag)} ({tag})
          </option>
        ))}
        <option value={OTHER}>Other language tag…</option>
      </select>
      {typing !== null && (
        <div className="language-other">
          <label htmlFor={`${id}-tag`}>Language tag</label>
          <input
            id={`${id}-tag`}
            value={typing}
            maxLength={LANGUAGE_TAG_MAX}
            placeholder="e.g. pt-BR"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              setTyping(e.target.value);
              if (error) setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                take(typing);
              } else if (e.key === 'Escape') {
                e.preventDefault();
                setTyping(null);
                setError(null);
              }
            }}
          />
          <button type="button" onClick={() => take(typing)}>
            Use
          </button>
          {error && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
