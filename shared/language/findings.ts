// Findings the language desk marks in the editor's text: spelling (offline Hunspell dictionaries)
// and house style. One shape so the editor draws, lists and fixes both the same way.

export type FindingSource = 'spelling' | 'style';
export type FindingSeverity = 'error' | 'warning' | 'info';

export type TextFinding = {
  source: FindingSource;
  /** Slate path of the text leaf the finding lies in. */
  path: number[];
  /** Offsets into that leaf's text, end exclusive. */
  start: number;
  end: number;
  /** The text the finding covers. */
  word: string;
  /** A plain sentence for the menu and screen readers. */
  message: string;
  severity: FindingSeverity;
  /** Replacements, best first; may be empty. */
  fixes: string[];
  ruleId?: string;
  /** Stable id for "ignore": survives edits elsewhere in the article (not position based). */
  key: string;
};

/** Key for a spelling finding: the word itself, so ignoring it ignores every occurrence. */
export function spellingKey(word: string): string {
  return `spelling:${word}`;
}

/** Findings in one leaf, ordered by start; overlapping findings keep the earlier one. */
export function findingsForLeaf(findings: readonly TextFinding[], path: readonly number[]): TextFinding[] {
  return findings.filter((f) => f.path.length === path.length && f.path.every((n, i) => n === path[i])).sort((a, b) => a.start - b.start || b.end - a.end);
}
