/**
 * Where each checklist finding is fixed. A finding shown when Submit is refused (and in the
 * Checklist tab) carries a button that takes focus straight to the field to fix: the headline, the
 * dek, the byline picker, the AI-use declaration, an image's alt text… The side column is asked to
 * show the tab the field lives in first.
 */
import type { RuleFinding } from '../../../shared/rules/types';

export const SIDE_TABS = ['details', 'checklist', 'history'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

/** What marks a field a fix can go to (`data-fix-target="byline"`), for the fields outside this module. */
export const fixTarget = (name: FixTargetName) => ({ 'data-fix-target': name });
export type FixTargetName = 'byline' | 'ai-declare' | 'ai-declaration' | 'planned-length' | 'comments-tab' | 'suggestions';

export type FindingFix = {
  label: string;
  /** The side tab to show first, when the field is in it. */
  tab?: SideTab;
  /** Finds the element to focus; the first that exists and is shown wins. */
  targets: ReadonlyArray<() => HTMLElement | null>;
};

const marked = (name: FixTargetName) => () => document.querySelector<HTMLElement>(`[data-fix-target="${name}"]`);
const byId = (id: string) => () => document.getElementById(id);
/** The first field of that name inside the body that is still empty (the image the finding is about). */
const emptyBodyField = (label: string) => () =>
  Array.from(document.querySelectorAll<HTMLInputElement>(`.body-editor [aria-label="${label}"]`)).find((el) => el.value.trim() === '') ?? null;

export function fixFor(finding: RuleFinding): FindingFix | undefined {
  const id = finding.id.split(':')[0]!;
  if (id === 'headline-missing' || id === 'headline-too-long') return { label: 'Go to the headline', targets: [byId('article-headline')] };
  if (id === 'dek-missing') return { label: 'Go to the dek', targets: [byId('article-dek')] };
  if (id === 'byline-missing') return { label: 'Go to the byline', tab: 'details', targets: [marked('byline')] };
  // The declaration's own "declare these uses" button when it has one, else its first choice.
  if (id.startsWith('ai-')) return { label: 'Go to AI use', tab: 'details', targets: [marked('ai-declare'), marked('ai-declaration')] };
  if (id === 'image-alt-missing') return { label: 'Go to the alt text', targets: [emptyBodyField('Alt text')] };
  if (id === 'image-credit-missing') return { label: 'Go to the credit', targets: [emptyBodyField('Credit')] };
  if (id === 'length-under' || id === 'length-over') return { label: 'Go to planned length', tab: 'details', targets: [marked('planned-length')] };
  // Comments are in the margin beside the text: the first card, else the margin itself.
  if (id === 'open-comments')
    return { label: 'Show comments', targets: [() => document.querySelector<HTMLElement>('.margin-card.comment'), marked('comments-tab')] };
  if (id === 'open-suggestions')
    return { label: 'Review suggestions', targets: [() => document.querySelector<HTMLElement>('.margin-card.suggestion'), marked('suggestions')] };
  return undefined;
}

type TabListener = (tab: SideTab) => void;
const tabListeners = new Set<TabListener>();

/** The side column shows the tab asked for (ReviewPanel listens). */
export function onShowSideTab(listener: TabListener): () => void {
  tabListeners.add(listener);
  return () => void tabListeners.delete(listener);
}

const shown = (el: HTMLElement) => el.isConnected && el.getClientRects().length > 0 && !(el as HTMLInputElement).disabled;

/** Shows the fix's tab, then focuses its field once it is rendered and visible (a few frames at most). */
export function goToFix(fix: FindingFix): void {
  if (fix.tab) for (const listener of tabListeners) listener(fix.tab);
  let frames = 20;
  const attempt = () => {
    for (const find of fix.targets) {
      const el = find();
      if (el && shown(el)) {
        el.focus();
        el.scrollIntoView({ block: 'nearest' });
        return;
      }
    }
    if (frames-- > 0) requestAnimationFrame(attempt);
  };
  attempt();
}
