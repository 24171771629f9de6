/** The shared libraries in the workspace: authors or AI-use disclosures. */
import { AuthorsView } from './AuthorsView';
import { DisclosuresView } from './DisclosuresView';
import type { DeskArea } from './AreaNav';

export function LibrariesArea({ area }: { area: Exclude<DeskArea, 'articles'> }) {
  return area === 'authors' ? <AuthorsView /> : <DisclosuresView />;
}
