/**
 * Each suggestion author's colour: a stable hash of the author id onto a palette whose every colour
 * reads at WCAG AA (4.5:1 or better) as text on the white page, so struck and inserted text stay legible.
 */
import type { SuggestionMeta } from '../../../../shared/model/suggestions';

export const AUTHOR_PALETTE = ['#1f5fa8', '#a3214b', '#2e6b30', '#8a4b00', '#6a3fa0', '#00695c', '#b3261e', '#455a64'] as const;

export function authorColour(authorId: string): string {
  // FNV-1a: cheap, and the same on every desk, so an author keeps one colour for everyone.
  let hash = 0x811c9dc5;
  for (let i = 0; i < authorId.length; i++) {
    hash ^= authorId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return AUTHOR_PALETTE[(hash >>> 0) % AUTHOR_PALETTE.length]!;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "Suggested insertion by Edda Editor at 2 Dec 2026, 05:00" for titles and aria-description. */
export function describeSuggestion(kind: string, meta: SuggestionMeta): string {
  const at = Date.parse(meta.at);
  return `Suggested ${kind} by ${meta.authorName || 'someone'}${Number.isNaN(at) ? '' : ` at ${when.format(at)}`}`;
}
