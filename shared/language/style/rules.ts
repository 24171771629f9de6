/**
 * House-style rules as the newsroom writes them in the desk's Style area: what to find (words and
 * phrases, or a pattern), the preferred form or a message, a category and a severity. The same schema
 * checks a rule typed at the desk, stored on it, and sent to or fetched from the newsroom server.
 */
import { z } from 'zod';
import { checkPattern } from './pattern';

export const STYLE_CATEGORIES = ['usage', 'spelling', 'numbers', 'punctuation', 'capitals', 'titles', 'datelines', 'other'] as const;
export type StyleCategory = (typeof STYLE_CATEGORIES)[number];

export const STYLE_CATEGORY_LABELS: Record<StyleCategory, string> = {
  usage: 'Usage',
  spelling: 'Spelling',
  numbers: 'Numbers',
  punctuation: 'Punctuation',
  capitals: 'Capitals',
  titles: 'Titles and names',
  datelines: 'Datelines',
  other: 'Other',
};

export const STYLE_SEVERITIES = ['error', 'warning', 'info'] as const;
export type StyleSeverity = (typeof STYLE_SEVERITIES)[number];

/** How a fix is written after its `$1`… references are filled in: a dateline's town in capitals, a title before a name capitalized. */
export const FIX_CASES = ['as-written', 'upper', 'lower', 'title'] as const;
export type FixCase = (typeof FIX_CASES)[number];

export const STYLE_LIMITS = { name: 120, term: 100, terms: 50, pattern: 300, replacement: 200, message: 300 } as const;

const term = z.string().trim().min(1).max(STYLE_LIMITS.term);

export const styleFindSchema = z.discriminatedUnion('kind', [
  /** Whole words or phrases, each matched on word boundaries. */
  z
    .object({
      kind: z.literal('words'),
      terms: z
        .array(term)
        .min(1, 'Add at least one word or phrase to find.')
        .max(STYLE_LIMITS.terms, `A rule finds at most ${STYLE_LIMITS.terms} words or phrases.`),
    })
    .strict(),
  /** An RE2 pattern (linear time; no look-around or back-references). */
  z
    .object({
      kind: z.literal('pattern'),
      pattern: z.string().min(1, 'Type a pattern.').max(STYLE_LIMITS.pattern, `A pattern is at most ${STYLE_LIMITS.pattern} characters.`),
    })
    .strict(),
]);
export type StyleFind = z.infer<typeof styleFindSchema>;

const ruleShape = z
  .object({
    name: z.string().trim().min(1, 'A rule needs a name.').max(STYLE_LIMITS.name),
    find: styleFindSchema,
    matchCase: z.boolean(),
    /** The preferred form, offered as the one-click fix; empty for a rule that only says something. */
    replacement: z.string().max(STYLE_LIMITS.replacement),
    fixCase: z.enum(FIX_CASES),
    /** What the writer reads; empty means “Use “replacement”.” */
    message: z.string().trim().max(STYLE_LIMITS.message),
    category: z.enum(STYLE_CATEGORIES),
    severity: z.enum(STYLE_SEVERITIES),
  })
  .strict();

/** A rule as typed: a pattern that cannot run, or could run away in other tools, is refused with its reason. */
export const styleRuleInputSchema = ruleShape.superRefine((rule, ctx) => {
  if (rule.find.kind === 'pattern') {
    const verdict = checkPattern(rule.find.pattern, rule.matchCase);
    if (!verdict.ok) ctx.addIssue({ code: 'custom', path: ['find', 'pattern'], message: verdict.reason });
  }
  if (!rule.replacement && !rule.message) ctx.addIssue({ code: 'custom', path: ['message'], message: 'Give the preferred form or a message for the writer.' });
});
export type StyleRuleInput = z.infer<typeof ruleShape>;

/** A stored rule: versioned like the disclosure templates, archived rather than deleted. */
export type StyleRule = StyleRuleInput & {
  id: string;
  version: number;
  archived: boolean;
  updatedAt: string;
  /** The newsroom server's rule (editors change it there). */
  newsroom?: true;
};

export type StyleRuleVersion = StyleRuleInput & { ruleId: string; version: number; createdAt: string };

export const emptyStyleRuleInput = (): StyleRuleInput => ({
  name: '',
  find: { kind: 'words', terms: [] },
  matchCase: false,
  replacement: '',
  fixCase: 'as-written',
  message: '',
  category: 'usage',
  severity: 'warning',
});

/** The sentence a finding shows: the rule's own message, or “Use “x”.” */
export function ruleMessage(rule: Pick<StyleRuleInput, 'message' | 'replacement'>, fix?: string): string {
  if (rule.message) return rule.message;
  return `House style: use “${fix ?? rule.replacement}”.`;
}
