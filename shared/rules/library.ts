/**
 * Checks on the library blocks of an article: the AI-use disclosure must fit the
 * declaration (an error: approval and export refuse), and every byline author
 * should have a bio block (a warning).
 */
import { AI_USES, type AiDeclaration, type AiUse } from '../model/article';
import type { BlockElement } from '../model/document';
import { AI_USE_LABELS, listInWords, type DisclosureEntry } from '../library/entries';
import type { RuleResult } from './types';

type TemplateFacts = Pick<DisclosureEntry, 'id' | 'title' | 'covers' | 'archived'>;
type ArticleFacts = { aiDeclaration: AiDeclaration; body: readonly BlockElement[] };

const ordered = (uses: Iterable<AiUse>): AiUse[] => {
  const set = new Set(uses);
  return AI_USES.filter((u) => set.has(u));
};
const words = (uses: readonly AiUse[]) => listInWords(uses.map((u) => AI_USE_LABELS[u]));

/** Templates to suggest for uses nobody covers yet: greedy cover, most specific template first on ties. */
export function suggestTemplates(missing: readonly AiUse[], templates: readonly TemplateFacts[]): TemplateFacts[] {
  const left = new Set(missing);
  const pool = templates.filter((t) => !t.archived && t.covers.length > 0);
  const picked: TemplateFacts[] = [];
  while (left.size > 0) {
    let best: TemplateFacts | undefined;
    let bestGain = 0;
    for (const t of pool) {
      if (picked.includes(t)) continue;
      const gain = t.covers.filter((u) => left.has(u)).length;
      if (gain > bestGain || (gain === bestGain && gain > 0 && best && t.covers.length < best.covers.length)) {
        best = t;
        bestGain = gain;
      }
    }
    if (!best) break;
    picked.push(best);
    for (const u of best.covers) left.delete(u);
  }
  return picked;
}

/** The uses `covers` names that the declaration does not, in the usual order. */
export function undeclaredUses(declaration: AiDeclaration, covers: Iterable<AiUse>): AiUse[] {
  const declared = new Set(declaration.uses);
  return ordered(covers).filter((u) => !declared.has(u));
}

/** The declaration with the uses a disclosure covers added (tools and note kept), for "declare these uses". */
export function declareUses(declaration: AiDeclaration, covers: Iterable<AiUse>): AiDeclaration {
  return { ...declaration, uses: ordered([...declaration.uses, ...covers]) };
}

/** Every use the disclosure blocks in a body tell readers of, by their templates. */
export function usesDisclosedIn(body: readonly BlockElement[], templates: readonly Pick<TemplateFacts, 'id' | 'covers'>[]): AiUse[] {
  const byId = new Map(templates.map((t) => [t.id, t]));
  return ordered(body.flatMap((b) => (b.type === 'ai-disclosure' ? (byId.get(b.templateId)?.covers ?? []) : [])));
}

export function checkAiDisclosure(article: ArticleFacts, templates: readonly TemplateFacts[]): RuleResult {
  const uses = ordered(article.aiDeclaration.uses);
  const byId = new Map(templates.map((t) => [t.id, t]));
  const blocks = article.body.filter((b) => b.type === 'ai-disclosure');
  if (uses.length === 0) {
    // A block from a template that says no AI was used agrees with "None"; any other disclosure contradicts it.
    const claiming = blocks.find((b) => (byId.get(b.templateId)?.covers.length ?? 1) > 0);
    if (!claiming) return [];
    const title = byId.get(claiming.templateId)?.title ?? claiming.snapshot.title;
    return [
      {
        id: 'ai-declaration-none-contradicts',
        level: 'error',
        message: `The AI-use declaration says None, but the disclosure “${title}” in the article tells readers AI was used. Declare the uses (Details › AI use) or remove that block.`,
      },
    ];
  }
  const result: RuleResult = [];

  const denying = blocks.map((b) => byId.get(b.templateId)).filter((t) => t !== undefined && t.covers.length === 0);
  for (const t of denying) {
    result.push({
      id: 'ai-disclosure-contradicts',
      level: 'error',
      message: `The disclosure “${t!.title}” says no generative AI was used, but this article declares AI use for ${words(uses)}. Remove that block or change the declaration.`,
    });
  }

  const covered = new Set(blocks.flatMap((b) => byId.get(b.templateId)?.covers ?? []));
  const missing = uses.filter((u) => !covered.has(u));
  if (missing.length === 0) return result;

  const suggestions = suggestTemplates(missing, templates).map((t) => `“${t.title}”`);
  const eg = suggestions.length ? ` (e.g. ${listInWords(suggestions)})` : '';
  const them = missing.length === 1 ? 'it' : 'them';
  result.push(
    blocks.length - denying.length <= 0
      ? {
          id: 'ai-disclosure-missing',
          level: 'error',
          message: `This article declares AI use for ${words(uses)}. Add an AI-use disclosure block that covers ${them}${eg}.`,
        }
      : {
          id: 'ai-disclosure-incomplete',
          level: 'error',
          message: `The AI-use disclosure does not cover ${words(missing)}, which this article declares. Add a disclosure block that covers ${them}${eg}.`,
        },
  );
  return result;
}

export function checkAuthorBios(
  article: { bylineAuthorIds: readonly string[]; body: readonly BlockElement[] },
  authorNames: ReadonlyMap<string, string> = new Map(),
): RuleResult {
  const withBio = new Set(article.body.flatMap((b) => (b.type === 'author-bio' ? [b.authorId] : [])));
  return article.bylineAuthorIds
    .filter((id) => !withBio.has(id))
    .map((id) => ({
      id: `author-bio-missing:${id}`,
      level: 'warning' as const,
      message: `${authorNames.get(id) ?? 'An author in the byline'} has no “About the writer” bio block. Insert it from the Insert menu or the byline.`,
    }));
}
