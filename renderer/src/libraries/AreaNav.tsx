/** Switches the workspace between articles and the shared libraries (authors, AI-use disclosures, and for editors the house style). */
import { useReview } from '../review/ReviewContext';
import './libraries.css';

export type DeskArea = 'articles' | 'authors' | 'disclosures' | 'style';

const AREAS: { id: DeskArea; label: string; editorsOnly?: true }[] = [
  { id: 'articles', label: 'Articles' },
  { id: 'authors', label: 'Authors' },
  { id: 'disclosures', label: 'Disclosures' },
  { id: 'style', label: 'Style', editorsOnly: true },
];

export function AreaNav({ area, onChange }: { area: DeskArea; onChange: (area: DeskArea) => void }) {
  const editor = useReview().profile?.role === 'editor';
  return (
    <nav className="area-nav" aria-label="Desk areas">
      {AREAS.filter((a) => editor || !a.editorsOnly).map((a) => (
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
