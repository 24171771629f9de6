/** The shared libraries in the workspace: authors, AI-use disclosures or (for editors) the house style. */
import { AuthorsView } from './AuthorsView';
import { DisclosuresView } from './DisclosuresView';
import { StyleView } from './StyleView';
import type { DeskArea } from './AreaNav';

export function LibrariesArea({ area }: { area: Exclude<DeskArea, 'articles'> }) {
  if (area === 'style') return <StyleView />;
  return area === 'authors' ? <AuthorsView /> : <DisclosuresView />;
}
