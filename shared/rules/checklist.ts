/**
 * The pre-export checklist: pure rules over an article. The UI runs them as the
 * writer types; the workflow store runs the same rules before approving or
 * exporting, so a failing error can never be clicked past.
 */
import type { ArticleFields } from '../model/article';
import { inlineText, isLink, type BlockElement, type InlineNode } from '../model/document';
import { bodyCounts, lengthProgress } from '../editor/counts';
import { checkLinkUrl } from '../security/urlPolicy';
import { openSuggestionCount } from '../suggestions/list';
import type { RuleFinding } from './types';

export type ChecklistSettings = { headlineMaxLength: number };
export const DEFAULT_CHECKLIST_SETTINGS: ChecklistSettings = { headlineMaxLength: 120 };

/** Whom the list is for: open comments only warn a writer but block an approval. */
export type ChecklistPurpose = 'writing' | 'approval';

export type ChecklistArticle = Pick<ArticleFields, 'headline' | 'dek' | 'bylineAuthorIds' | 'plannedLength' | 'aiDeclaration' | 'body'>;

export type LibraryRule = (article: ChecklistArticle) => RuleFinding[];

/** The house-style findings still in the text (neither fixed nor ignored), by severity. */
export type StyleCounts = { errors: number; warnings: number };

export type ChecklistInput = {
  article: ChecklistArticle;
  /** Unresolved house-style findings (shared/language/style); left out when the caller did not check. */
  style?: StyleCounts;
  openComments: number;
  purpose: ChecklistPurpose;
  settings: ChecklistSettings;
  /** Rules that need the author and disclosure libraries (bios, AI disclosure), supplied by the caller. */
  libraryRules?: ReadonlyArray<LibraryRule>;
};

function* inlinesOf(blocks: readonly BlockElement[]): Generator<InlineNode> {
  for (const block of blocks) {
    if (block.type === 'promo-box') yield* inlinesOf(block.children);
    else if (block.type === 'author-bio') yield* block.snapshot.bio;
    else if (block.type === 'ai-disclosure') yield* block.snapshot.text;
    else if ('children' in block) yield* block.children as InlineNode[];
  }
}

export function headlineRules(article: ChecklistArticle, settings: ChecklistSettings): RuleFinding[] {
  const headline = article.headline.trim();
  if (!headline) return [{ id: 'headline-missing', level: 'error', message: 'Add a headline.' }];
  if (headline.length > settings.headlineMaxLength) {
    return [
      {
        id: 'headline-too-long',
        level: 'error',
        message: `The headline is ${headline.length} characters; the limit is ${settings.headlineMaxLength}.`,
      },
    ];
  }
  return [];
}

export function dekRule(article: ChecklistArticle): RuleFinding[] {
  return article.dek.trim() ? [] : [{ id: 'dek-missing', level: 'error', message: 'Add a dek (the line under the headline).' }];
}

export function bylineRule(article: ChecklistArticle): RuleFinding[] {
  return article.bylineAuthorIds.length > 0 ? [] : [{ id: 'byline-missing', level: 'error', message: 'Add at least one author to the byline.' }];
}

/*
 * The checklist reruns whenever the writer pauses; at 10,000 blocks reading every block's text took
 * 30–60 ms each time. What a block says is kept per block object (a changed block is a new object),
 * so a rerun reads only the blocks that changed, as the word counts do (shared/editor/counts.ts).
 */
const linkFindings = new WeakMap<object, RuleFinding[]>();
const placeholders = new WeakMap<object, string | null>();

function linkFindingsOf(block: BlockElement): RuleFinding[] {
  const hit = linkFindings.get(block);
  if (hit) return hit;
  const out: RuleFinding[] = [];
  for (const node of inlinesOf([block])) {
    if (!isLink(node)) continue;
    const text = inlineText(node.children).trim() || node.url;
    if (node.url.trim() === '') out.push({ id: 'link-empty', level: 'error', message: `The link “${text}” has no address.` });
    else {
      const verdict = checkLinkUrl(node.url);
      if (!verdict.ok) out.push({ id: 'link-unsafe', level: 'error', message: `The link “${text}” cannot be published: ${verdict.reason}` });
    }
  }
  linkFindings.set(block, out);
  return out;
}

export function linkRules(article: ChecklistArticle): RuleFinding[] {
  return article.body.flatMap(linkFindingsOf);
}

export function imageRules(article: ChecklistArticle): RuleFinding[] {
  const out: RuleFinding[] = [];
  article.body.forEach((block, index) => {
    if (block.type !== 'image') return;
    const name = block.caption.trim() ? `“${block.caption.trim()}”` : `number ${article.body.slice(0, index + 1).filter((b) => b.type === 'image').length}`;
    if (!block.alt.trim()) out.push({ id: 'image-alt-missing', level: 'error', message: `Image ${name} needs alt text.` });
    if (!block.credit.trim()) out.push({ id: 'image-credit-missing', level: 'error', message: `Image ${name} needs a credit.` });
  });
  return out;
}

export function lengthRule(article: ChecklistArticle): RuleFinding[] {
  if (article.plannedLength <= 0) return [];
  const { words } = bodyCounts(article.body);
  const progress = lengthProgress(words, article.plannedLength);
  if (progress === 'on-target') return [];
  return [
    {
      id: progress === 'under' ? 'length-under' : 'length-over',
      level: 'warning',
      message: `${words} words against ${article.plannedLength} planned (${progress === 'under' ? 'short' : 'long'}).`,
    },
  ];
}

export function openCommentsRule(openComments: number, purpose: ChecklistPurpose): RuleFinding[] {
  if (openComments === 0) return [];
  return [
    {
      id: 'open-comments',
      level: purpose === 'approval' ? 'error' : 'warning',
      message: `${openComments} open ${openComments === 1 ? 'comment' : 'comments'}: resolve ${openComments === 1 ? 'it' : 'them'} before approval.`,
    },
  ];
}

/** Open suggestions warn while writing and block approval: an approved text has no pending changes. */
export function openSuggestionsRule(article: ChecklistArticle, purpose: ChecklistPurpose): RuleFinding[] {
  const open = openSuggestionCount(article.body);
  if (open === 0) return [];
  const sentence =
    open === 1
      ? '1 suggestion is still open: accept or reject it before approving.'
      : `${open} suggestions are still open: accept or reject them before approving.`;
  return [{ id: 'open-suggestions', level: purpose === 'approval' ? 'error' : 'warning', message: sentence }];
}

/**
 * Stand-ins a writer leaves for text to come: "lorem ipsum", TK (newsroom shorthand for "to come"),
 * XXX, and bracketed instructions such as "[insert quote]". One linear pass per text.
 */
const PLACEHOLDER_MARKS = /\b(?:TK|TKTK|XXX+)\b/; // Capitals only: "xxx" in prose is not a mark.
const PLACEHOLDER_TEXT = /\blorem ipsum\b|\[(?:insert|add|tbc|tbd|to come|placeholder)\b[^\]\n]{0,80}\]/i;

/** Placeholder text warns while writing (and at submission: TK marks are how a draft asks for facts) and blocks approval. */
export function placeholderRule(article: ChecklistArticle, purpose: ChecklistPurpose): RuleFinding[] {
  const found = placeholderIn(article.headline) ?? placeholderIn(article.dek) ?? firstBlockPlaceholder(article.body);
  if (found !== null) {
    return [
      {
        id: 'placeholder-text',
        level: purpose === 'approval' ? 'error' : 'warning',
        message: `The article still has placeholder text (“${found}”): replace it with the real text.`,
      },
    ];
  }
  return [];
}

function placeholderIn(text: string): string | null {
  return (PLACEHOLDER_TEXT.exec(text) ?? PLACEHOLDER_MARKS.exec(text))?.[0] ?? null;
}

/** Per block, so a placeholder split across bold and plain runs is still one text. */
function firstBlockPlaceholder(body: readonly BlockElement[]): string | null {
  for (const block of body) {
    let found = placeholders.get(block);
    if (found === undefined) {
      found = placeholderIn(inlineText([...inlinesOf([block])]));
      placeholders.set(block, found);
    }
    if (found !== null) return found;
  }
  return null;
}

/** House-style errors block approval and export; warnings only say how many there are. */
export function styleRule(style: StyleCounts | undefined): RuleFinding[] {
  if (!style) return [];
  const out: RuleFinding[] = [];
  const { errors, warnings } = style;
  if (errors > 0)
    out.push({
      id: 'style-errors',
      level: 'error',
      message: `${errors} house-style ${errors === 1 ? 'error is' : 'errors are'} still in the text: fix or ignore ${errors === 1 ? 'it' : 'them'} (they are underlined).`,
    });
  if (warnings > 0)
    out.push({ id: 'style-warnings', level: 'warning', message: `${warnings} house-style ${warnings === 1 ? 'warning' : 'warnings'} in the text.` });
  return out;
}

export function runChecklist(input: ChecklistInput): RuleFinding[] {
  const { article } = input;
  const results = [
    ...headlineRules(article, input.settings),
    ...dekRule(article),
    ...bylineRule(article),
    ...(input.libraryRules ?? []).flatMap((rule) => rule(article)),
    ...linkRules(article),
    ...imageRules(article),
    ...placeholderRule(article, input.purpose),
    ...styleRule(input.style),
    ...lengthRule(article),
    ...openCommentsRule(input.openComments, input.purpose),
    ...openSuggestionsRule(article, input.purpose),
  ];
  // Errors first, keeping each group in rule order.
  return [...results.filter((r) => r.level === 'error'), ...results.filter((r) => r.level === 'warning')];
}

export function checklistErrors(results: readonly RuleFinding[]): RuleFinding[] {
  return results.filter((r) => r.level === 'error');
}
