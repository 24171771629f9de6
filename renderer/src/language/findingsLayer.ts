/**
 * The editor's findings layer: findings given by text leaf path and offsets (house style) drawn as
 * decorations, found at the caret or after it (Alt+F7, right-click), and fixed in place. Spelling
 * draws its own underlines from block-level results (cached by text); both open the same menu
 * (FindingMenu).
 */
import { useCallback, useMemo } from 'react';
import { Path, Point, Text, type NodeEntry, type Range } from 'slate';
import type { TextFinding } from '../../../shared/language/findings';
import type { FindingAction } from './FindingMenu';

export type FindingsSource = {
  /** The findings for the document as it is now. */
  findings: readonly TextFinding[];
  /** What the menu offers besides the fixes (e.g. "Ignore this rule in this article"). */
  actionsFor?: (finding: TextFinding) => FindingAction[];
};

const pathKey = (path: readonly number[]) => path.join(',');

export function findingRange(f: TextFinding): Range {
  return { anchor: { path: f.path, offset: f.start }, focus: { path: f.path, offset: f.end } };
}

/** Findings by leaf, for decorations and lookups (rebuilt when the list changes, not per render). */
export function useFindingsIndex(source: FindingsSource | undefined) {
  const findings = source?.findings;
  const byLeaf = useMemo(() => {
    const map = new Map<string, TextFinding[]>();
    for (const f of findings ?? []) {
      const key = pathKey(f.path);
      const list = map.get(key);
      if (list) list.push(f);
      else map.set(key, [f]);
    }
    return map;
  }, [findings]);

  const decorate = useCallback(
    ([node, path]: NodeEntry): Range[] => {
      if (!Text.isText(node)) return [];
      const list = byLeaf.get(pathKey(path));
      if (!list) return [];
      return list
        .filter((f) => f.end <= node.text.length && f.start < f.end)
        .map((f) => ({ ...findingRange(f), textFinding: f.severity, findingMessage: f.message }));
    },
    [byLeaf],
  );

  const at = useCallback(
    (point: Point): TextFinding | null => byLeaf.get(pathKey(point.path))?.find((f) => f.start <= point.offset && point.offset <= f.end) ?? null,
    [byLeaf],
  );

  const next = useCallback(
    (point: Point | null): TextFinding | null => {
      const sorted = [...(findings ?? [])].sort((a, b) => Path.compare(a.path, b.path) || a.start - b.start);
      return (point && sorted.find((f) => Point.compare({ path: f.path, offset: f.end }, point) >= 0)) ?? sorted[0] ?? null;
    },
    [findings],
  );

  return { decorate, at, next };
}
