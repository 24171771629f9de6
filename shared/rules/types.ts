/** What every article check returns: a list of findings; errors block approval and export. */
export type RuleLevel = 'error' | 'warning';

export type RuleFinding = {
  /** Stable id of the check, with a suffix when one check reports per item (e.g. per author). */
  id: string;
  level: RuleLevel;
  /** Plain words that say what is wrong and what to do. */
  message: string;
};

export type RuleResult = RuleFinding[];

export function hasErrors(result: readonly RuleFinding[]): boolean {
  return result.some((f) => f.level === 'error');
}
