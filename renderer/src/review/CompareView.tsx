/**
 * Two versions of the article compared over the width of the article and its margin: any two of
 * this desk's versions, the newsroom server's versions and the current text; inline or side by
 * side; "next change" and "previous change" (Alt+Down, Alt+Up) with a count, each change said in
 * words as it is reached. The one word diff (shared/diff/wordDiff) does the comparing.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { alignVersions, changeRows, describeChange } from '../../../shared/diff/sideBySide';
import { diffVersions, isUnchanged, type VersionDiff, type VersionText } from '../../../shared/diff/wordDiff';
import { ariaKeyshortcuts, describeHotkey, matchesHotkey } from '../../../shared/editor/hotkeys';
import { revisionReasonLabel } from '../../../shared/sync/serverRevisions';
import type { RevisionSummary } from '../../../shared/model/review';
import { call, errorMessage } from '../api/call';
import { changeDomId, DiffView, type DiffMode } from './DiffView';
import { WideView } from './WideView';

export const CURRENT = 'current';
export const localKey = (id: number) => `local:${id}`;
export const serverKey = (n: number) => `server:${n}`;

type Choice = { key: string; label: string };
type Choices = { local: Choice[]; server: Choice[]; serverNote: string };

const NEXT_KEY = 'alt+arrowdown';
const PREVIOUS_KEY = 'alt+arrowup';

export const KIND_LABEL: Record<RevisionSummary['kind'], string> = { status: 'Status change', auto: 'Autosaved', manual: 'Saved version', restore: 'Restored' };
export function revisionName(r: RevisionSummary) {
  return `${r.label || KIND_LABEL[r.kind]} · ${new Date(r.at).toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' })}`;
}

// The reader's choice outlives the view.
let rememberedMode: DiffMode = 'inline';

type Props = {
  articleId: string;
  current: () => VersionText;
  /** A newsroom article: the server's versions are offered too. */
  newsroom: boolean;
  from: string;
  to: string;
  onClose: () => void;
};

function useChoices(articleId: string, newsroom: boolean): Choices | undefined {
  const [choices, setChoices] = useState<Choices | undefined>();
  useEffect(() => {
    let live = true;
    const local = call('listRevisions', { articleId }).then((list) => list.map((r) => ({ key: localKey(r.id), label: revisionName(r) })));
    const server: Promise<{ list: Choice[]; note: string }> = newsroom
      ? call('listServerRevisions', { articleId }).then((l) =>
          l.available
            ? { list: l.revisions.map((r) => ({ key: serverKey(r.number), label: `Version ${r.number}: ${revisionReasonLabel(r)}` })), note: '' }
            : { list: [], note: `The server's versions need a connection. ${l.reason}` },
        )
      : Promise.resolve({ list: [], note: '' });
    void Promise.all([local, server.catch((e: unknown) => ({ list: [], note: errorMessage(e) }))]).then(([l, s]) => {
      if (live) setChoices({ local: l, server: s.list, serverNote: s.note });
    });
    return () => {
      live = false;
    };
  }, [articleId, newsroom]);
  return choices;
}

export function CompareView({ articleId, current, newsroom, from: initialFrom, to: initialTo, onClose }: Props) {
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  const [mode, setModeState] = useState<DiffMode>(rememberedMode);
  const [compared, setCompared] = useState<{ diff: VersionDiff; from: string; to: string } | undefined>();
  const [error, setError] = useState('');
  const [at, setAt] = useState<number | undefined>();
  const [said, setSaid] = useState('');
  const choices = useChoices(articleId, newsroom);
  const ids = { from: useId(), to: useId() };
  const body = useRef<HTMLDivElement>(null);

  const setMode = (next: DiffMode) => {
    rememberedMode = next;
    setModeState(next);
  };

  const textOf = useCallback(
    async (key: string): Promise<VersionText> => {
      if (key === CURRENT) return current();
      const [kind, id] = key.split(':');
      if (kind === 'server') {
        const r = await call('getServerRevision', { articleId, number: Number(id) });
        return { headline: r.content.headline, dek: r.content.dek, body: r.content.body };
      }
      const r = await call('getRevision', { id: Number(id) });
      return { headline: r.fields.headline, dek: r.fields.dek, body: r.fields.body };
    },
    [articleId, current],
  );

  useEffect(() => {
    let live = true;
    setError('');
    Promise.all([textOf(from), textOf(to)])
      .then(([before, after]) => {
        if (!live) return;
        setCompared({ diff: diffVersions(before, after), from, to });
        setAt(undefined);
        setSaid('');
      })
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [from, to, textOf]);

  const rows = useMemo(() => (compared ? alignVersions(compared.diff) : []), [compared]);
  const changes = useMemo(() => changeRows(rows), [rows]);

  const nameOf = (key: string) => {
    if (key === CURRENT) return 'Current text';
    return [...(choices?.local ?? []), ...(choices?.server ?? [])].find((c) => c.key === key)?.label ?? key;
  };

  const go = (step: 1 | -1) => {
    if (changes.length === 0) return;
    const next = at === undefined ? (step === 1 ? 0 : changes.length - 1) : Math.min(changes.length - 1, Math.max(0, at + step));
    setAt(next);
    setSaid(`Change ${next + 1} of ${changes.length}. ${describeChange(rows[changes[next]!]!)}`);
    requestAnimationFrame(() => {
      const el = document.getElementById(changeDomId(next));
      el?.scrollIntoView({ block: 'center' });
      el?.focus({ preventScroll: true });
    });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (matchesHotkey(NEXT_KEY, e.nativeEvent)) {
      e.preventDefault();
      go(1);
    } else if (matchesHotkey(PREVIOUS_KEY, e.nativeEvent)) {
      e.preventDefault();
      go(-1);
    }
  };

  const picker = (id: string, label: string, value: string, set: (v: string) => void) => (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.target.value)}>
        <option value={CURRENT}>Current text</option>
        {choices && choices.local.length > 0 && (
          <optgroup label={newsroom ? 'On this computer' : 'Versions'}>
            {choices.local.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </optgroup>
        )}
        {choices && choices.server.length > 0 && (
          <optgroup label="On the newsroom server">
            {choices.server.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </optgroup>
        )}
        {/* Until the lists arrive, the chosen versions are still named. */}
        {!choices &&
          [value]
            .filter((v) => v !== CURRENT)
            .map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
      </select>
    </>
  );

  const title = compared ? `${nameOf(compared.from)} → ${nameOf(compared.to)}` : 'Comparing…';
  return (
    <WideView title={title} label="Comparison" onClose={onClose} span="article-and-margin">
      <div className="compare-view" ref={body} onKeyDown={onKeyDown}>
        <div className="compare-toolbar">
          <div className="compare-pickers">
            {picker(ids.from, 'Earlier', from, setFrom)}
            {picker(ids.to, 'Later', to, setTo)}
          </div>
          <div className="segmented" role="group" aria-label="Layout">
            <button type="button" aria-pressed={mode === 'inline'} onClick={() => setMode('inline')}>
              Inline
            </button>
            <button type="button" aria-pressed={mode === 'side-by-side'} onClick={() => setMode('side-by-side')}>
              Side by side
            </button>
          </div>
          <div className="compare-nav">
            <button
              type="button"
              onClick={() => go(-1)}
              disabled={changes.length === 0}
              aria-keyshortcuts={ariaKeyshortcuts(PREVIOUS_KEY)}
              title={`Previous change (${describeHotkey(PREVIOUS_KEY)})`}
            >
              Previous change
            </button>
            <button
              type="button"
              onClick={() => go(1)}
              disabled={changes.length === 0}
              aria-keyshortcuts={ariaKeyshortcuts(NEXT_KEY)}
              title={`Next change (${describeHotkey(NEXT_KEY)})`}
            >
              Next change
            </button>
            <span className="compare-count" data-testid="change-count">
              {changes.length === 0
                ? 'No changes'
                : at === undefined
                  ? `${changes.length} ${changes.length === 1 ? 'change' : 'changes'}`
                  : `Change ${at + 1} of ${changes.length}`}
            </span>
          </div>
        </div>
        {choices?.serverNote && <p className="muted">{choices.serverNote}</p>}
        <p className="visually-hidden" role="status">
          {said}
        </p>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        {compared &&
          (isUnchanged(compared.diff) ? (
            <p>No differences.</p>
          ) : (
            <DiffView diff={compared.diff} label="Differences" mode={mode} current={at} names={{ before: nameOf(compared.from), after: nameOf(compared.to) }} />
          ))}
      </div>
    </WideView>
  );
}
