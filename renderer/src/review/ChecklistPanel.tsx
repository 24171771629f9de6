/** The pre-export checklist, rerun as the article changes. Errors block approval and export; warnings do not. */
import type { RuleFinding } from '../../../shared/rules/types';

export function ChecklistPanel({ results }: { results: RuleFinding[] }) {
  const errors = results.filter((r) => r.level === 'error').length;
  return (
    <section className="review-section checklist" aria-label="Checklist">
      <header className="review-section-header">
        <h2>Checklist</h2>
        <span className={errors ? 'error-text' : 'ok-text'}>
          {results.length === 0
            ? 'Ready'
            : `${errors} ${errors === 1 ? 'error' : 'errors'}, ${results.length - errors} ${results.length - errors === 1 ? 'warning' : 'warnings'}`}
        </span>
      </header>
      {results.length === 0 ? (
        <p className="ok-text">Everything required for approval is in place.</p>
      ) : (
        <ul className="checklist-items">
          {results.map((r, i) => (
            <li key={`${r.id}-${i}`} className={`check-${r.level}`}>
              <span className="check-level">{r.level === 'error' ? 'Error' : 'Warning'}</span> {r.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
