/**
 * The house-style findings of the open article: the desk's rules and the article's ignored findings,
 * checked in a worker (styleRunner.ts) that is sent only the blocks that changed, so the page stays
 * free for typing however long the article.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TextFinding } from '../../../shared/language/findings';
import { countStyleFindings } from '../../../shared/language/style/checkStyle';
import type { StyleRule } from '../../../shared/language/style/rules';
import type { ArticleBody } from '../../../shared/model/document';
import { call } from '../api/call';
import { useLibraryRevision } from '../libraries/newsroomEntry';
import { StyleRunner } from './styleRunner';

export type StyleFindingsState = {
  findings: readonly TextFinding[];
  /** Undefined until the first full check is done. */
  counts: { errors: number; warnings: number } | undefined;
  ignore: (finding: TextFinding) => void;
};

/** `body`: null until a long article's first screen is painted (checked from then on). */
export function useStyleFindings(articleId: string, body: ArticleBody | null): StyleFindingsState {
  const [rules, setRules] = useState<StyleRule[] | undefined>();
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set());
  const [findings, setFindings] = useState<readonly TextFinding[]>([]);
  const [done, setDone] = useState(false);
  const runner = useMemo(() => new StyleRunner(), []);
  useEffect(() => () => runner.dispose(), [runner]);
  const libraryRevision = useLibraryRevision();

  useEffect(() => {
    let live = true;
    call('listStyleRules', {})
      .then((r) => live && setRules(r))
      .catch(() => live && setRules([]));
    return () => {
      live = false;
    };
  }, [libraryRevision]);

  useEffect(() => {
    let live = true;
    call('listStyleIgnores', { articleId })
      .then((keys) => live && setIgnored(new Set(keys)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [articleId]);

  useEffect(() => {
    if (!rules || !body) return;
    runner.check({
      body,
      rules,
      ignored,
      done: (found) => {
        setFindings(found);
        setDone(true);
      },
    });
  }, [runner, body, rules, ignored]);

  const latestIgnored = useRef(ignored);
  latestIgnored.current = ignored;
  const ignore = useCallback(
    (finding: TextFinding) => {
      // At once in the text; the desk keeps it for the next time the article opens.
      setIgnored(new Set([...latestIgnored.current, finding.key]));
      call('setStyleIgnored', { articleId, key: finding.key, ignored: true })
        .then((keys) => setIgnored(new Set(keys)))
        .catch(() => undefined);
    },
    [articleId],
  );

  const counts = useMemo(() => (done ? countStyleFindings(findings) : undefined), [done, findings]);
  return { findings, counts, ignore };
}
