/** Switches the workspace between articles and the shared libraries (authors, AI-use disclosures). */
import './libraries.css';

export type DeskArea = 'articles' | 'authors' | 'disclosures';

const AREAS: { id: DeskArea; label: string }[] = [
  { id: 'articles', label: 'Articles' },
  { id: 'authors', label: 'Authors' },
  { id: 'disclosures', label: 'Disclosures' },
];

export function AreaNav({ area, onChange }: { area: DeskArea; onChange: (area: DeskArea) => void }) {
  return (
    <nav className="area-nav" aria-label="Desk areas">
      {AREAS.map((a) => (
        <button
          key={a.id}
          type="button"
          aria-current={area === a.id ? 'page' : undefined}
          className={area === a.id ? 'selected' : ''}
          onClick={() => onChange(a.id)}
        >
          {a.label}
        </button>
      ))}
    </nav>
  );
}
