/** The pre-export checklist, rerun as the article changes. Errors block approval and export; warnings do not. */
import type { RuleFinding } from '../../../shared/rules/types';
import { fixFor, goToFix } from './findingFixes';

/** A finding's words, and a button that goes to the field that fixes it when there is one. */
export function FindingLine({ finding }: { finding: RuleFinding }) {
  const fix = fixFor(finding);
  return (
    <>
      {finding.message}
      {fix && (
        <>
          {' '}
          <button type="button" className="link-button finding-fix" onClick={() => goToFix(fix)}>
            {fix.label}
          </button>
        </>
      )}
    </>
  );
}

/** `results`: undefined while a long article is still being checked, just after it opened. */
export function ChecklistPanel({ results }: { results: RuleFinding[] | undefined }) {
  if (!results)
    return (
      <section className="review-section checklist" aria-label="Checklist" aria-busy="true">
        <header className="review-section-header">
          <h2>Checklist</h2>
          <span className="muted">Checking…</span>
        </header>
      </section>
    );
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
              <span className="check-level">{r.level === 'error' ? 'Error' : 'Warning'}</span> <FindingLine finding={r} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
