/** The house style (editors only): the rules the desk checks articles against, each versioned, archived rather than deleted. */
import { useEffect, useId, useState } from 'react';
import { checkPattern } from '../../../shared/language/style/pattern';
import {
  emptyStyleRuleInput,
  FIX_CASES,
  STYLE_CATEGORIES,
  STYLE_CATEGORY_LABELS,
  STYLE_SEVERITIES,
  styleRuleInputSchema,
  type FixCase,
  type StyleRule,
  type StyleRuleInput,
  type StyleRuleVersion,
} from '../../../shared/language/style/rules';
import { call } from '../api/call';
import { useReview } from '../review/ReviewContext';
import { EntryFormActions, useEntryForm } from './entryForm';
import { LibraryView } from './LibraryView';
import { NewsroomNote, useLibraryRole } from './newsroomEntry';
import { VersionHistory } from './VersionHistory';

const FIX_CASE_LABELS: Record<FixCase, string> = {
  'as-written': 'as written',
  upper: 'in CAPITALS',
  lower: 'in small letters',
  title: 'with Initial Capitals',
};
const SEVERITY_LABELS = { error: 'Error (blocks approval)', warning: 'Warning', info: 'Note' } as const;

const inputOf = ({ name, find, matchCase, replacement, fixCase, message, category, severity }: StyleRule): StyleRuleInput => ({
  name,
  find,
  matchCase,
  replacement,
  fixCase,
  message,
  category,
  severity,
});

const loadRules = (includeArchived: boolean) => call('listStyleRules', { includeArchived });
const ruleMatches = (r: StyleRule, q: string) =>
  r.name.toLowerCase().includes(q) || (r.find.kind === 'words' ? r.find.terms.join(' ') : r.find.pattern).toLowerCase().includes(q);

const findText = (find: StyleRuleInput['find']) => (find.kind === 'words' ? find.terms.join(', ') : find.pattern);

export function StyleView() {
  const { profile } = useReview();
  const { inNewsroom, editor: newsroomEditor } = useLibraryRole();
  if (profile?.role !== 'editor') {
    return (
      <div className="library-area" role="region" aria-label="House style">
        <p className="empty-state">Only editors change the house style; writers see its findings in their text.</p>
      </div>
    );
  }
  return (
    <LibraryView<StyleRule>
      label="House style"
      title="House style"
      noun="rule"
      listLabel="Style rules"
      searchPlaceholder="Search rules"
      emptyText="No style rules yet. Press “New rule”."
      load={loadRules}
      matches={ruleMatches}
      renderItem={(r) => (
        <>
          <strong>{r.name}</strong> <span className="muted">{SEVERITY_LABELS[r.severity].split(' ')[0]}</span>
        </>
      )}
      renderEditor={({ entry, onSaved }) => (
        <StyleRuleForm
          entry={entry}
          initial={entry ? inputOf(entry) : emptyStyleRuleInput()}
          onSaved={onSaved}
          newNote={!entry && inNewsroom ? (newsroomEditor ? 'A new rule is the newsroom’s: every desk gets it.' : undefined) : undefined}
        />
      )}
      intro={
        <>
          <h2>House style</h2>
          <p>
            The rules every article is checked against as it is written: words and phrases, or patterns, with the preferred form or a message. Errors block
            approval; warnings and notes do not. Saving a rule keeps its earlier versions.
          </p>
        </>
      }
    />
  );
}

type FormProps = { entry?: StyleRule; initial: StyleRuleInput; onSaved: (r: StyleRule) => Promise<void> | void; newNote?: string | undefined };

function StyleRuleForm({ entry, initial, onSaved, newNote }: FormProps) {
  const { draft, set, status, setStatus, error, run } = useEntryForm<StyleRuleInput>(initial);
  const [termsText, setTermsText] = useState(initial.find.kind === 'words' ? initial.find.terms.join('\n') : '');
  const [pattern, setPattern] = useState(initial.find.kind === 'pattern' ? initial.find.pattern : '');
  const [versions, setVersions] = useState<StyleRuleVersion[]>([]);
  const id = useId();

  useEffect(() => {
    if (entry)
      call('listStyleRuleVersions', { id: entry.id })
        .then(setVersions)
        .catch(() => setVersions([]));
  }, [entry]);

  const kind = draft.find.kind;
  const terms = termsText
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);
  const rule: StyleRuleInput = { ...draft, find: kind === 'words' ? { kind, terms } : { kind, pattern } };
  const patternVerdict = kind === 'pattern' && pattern ? checkPattern(pattern, draft.matchCase) : undefined;

  const save = () =>
    run(async () => {
      // The same check the desk's store and the newsroom server make; here it names the field at once.
      const parsed = styleRuleInputSchema.safeParse(rule);
      if (!parsed.success) throw new Error(`The rule was not saved: ${parsed.error.issues[0]?.message ?? 'it is not valid'}`);
      if (entry) {
        const saved = await call('updateStyleRule', { id: entry.id, baseVersion: entry.version, rule });
        setStatus(saved.version === entry.version ? 'Saved.' : `Saved as version ${saved.version}.`);
        await onSaved(saved);
      } else {
        await onSaved(await call('createStyleRule', { rule }));
      }
    });

  return (
    <form
      className="entry-form"
      aria-label={entry ? `Edit ${entry.name}` : 'New rule'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>
        {entry ? entry.name : 'New rule'}
        {entry?.archived && <span className="chip">Archived</span>}
        {entry && <span className="muted version-note"> · version {entry.version}</span>}
      </h2>
      <NewsroomNote entry={entry} noun="rule" editor />
      {newNote && (
        <p className="newsroom-note" role="note">
          {newNote}
        </p>
      )}
      <label htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} value={draft.name} required placeholder="email, not e-mail" onChange={(e) => set({ name: e.target.value })} />
      <fieldset>
        <legend>Find</legend>
        <label className="check">
          <input type="radio" name={`${id}-kind`} checked={kind === 'words'} onChange={() => set({ find: { kind: 'words', terms } })} />
          Words or phrases
        </label>
        <label className="check">
          <input type="radio" name={`${id}-kind`} checked={kind === 'pattern'} onChange={() => set({ find: { kind: 'pattern', pattern } })} />A pattern
        </label>
        {kind === 'words' ? (
          <>
            <label htmlFor={`${id}-terms`}>Words or phrases, one a line</label>
            <textarea id={`${id}-terms`} rows={3} value={termsText} onChange={(e) => setTermsText(e.target.value)} />
          </>
        ) : (
          <>
            <label htmlFor={`${id}-pattern`}>Pattern (RE2: no look-arounds or back-references)</label>
            <input
              id={`${id}-pattern`}
              value={pattern}
              spellCheck={false}
              aria-invalid={patternVerdict?.ok === false || undefined}
              aria-describedby={patternVerdict?.ok === false ? `${id}-pattern-problem` : undefined}
              onChange={(e) => setPattern(e.target.value)}
            />
            {patternVerdict?.ok === false && (
              <p className="field-error" id={`${id}-pattern-problem`}>
                {patternVerdict.reason}
              </p>
            )}
          </>
        )}
        <label className="check">
          <input type="checkbox" checked={draft.matchCase} onChange={(e) => set({ matchCase: e.target.checked })} />
          Match capitals exactly
        </label>
      </fieldset>
      <label htmlFor={`${id}-replacement`}>Preferred form (the one-click fix{kind === 'pattern' ? '; $1 is the first group' : ''})</label>
      <input id={`${id}-replacement`} value={draft.replacement} onChange={(e) => set({ replacement: e.target.value })} />
      <label htmlFor={`${id}-case`}>Write the fix</label>
      <select id={`${id}-case`} value={draft.fixCase} onChange={(e) => set({ fixCase: e.target.value as FixCase })}>
        {FIX_CASES.map((c) => (
          <option key={c} value={c}>
            {FIX_CASE_LABELS[c]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-message`}>Message for the writer</label>
      <textarea
        id={`${id}-message`}
        rows={2}
        value={draft.message}
        placeholder={draft.replacement ? `House style: use “${draft.replacement}”.` : 'Say what to write instead.'}
        onChange={(e) => set({ message: e.target.value })}
      />
      <label htmlFor={`${id}-category`}>Category</label>
      <select id={`${id}-category`} value={draft.category} onChange={(e) => set({ category: e.target.value as StyleRuleInput['category'] })}>
        {STYLE_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {STYLE_CATEGORY_LABELS[c]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-severity`}>Severity</label>
      <select id={`${id}-severity`} value={draft.severity} onChange={(e) => set({ severity: e.target.value as StyleRuleInput['severity'] })}>
        {STYLE_SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {SEVERITY_LABELS[s]}
          </option>
        ))}
      </select>
      <EntryFormActions
        noun="rule"
        entry={entry ? { archived: entry.archived, newsroom: true } : undefined}
        error={error}
        status={status}
        run={run}
        onArchiveToggle={async () => {
          await onSaved(await call('setStyleRuleArchived', { id: entry!.id, archived: !entry!.archived }));
        }}
        onDelete={async () => undefined}
        deleteMessage={null}
      />
      {entry && (
        <VersionHistory
          versions={versions}
          render={(v) => (
            <>
              <p>
                <strong>{v.name}</strong> ({SEVERITY_LABELS[v.severity]}, {STYLE_CATEGORY_LABELS[v.category]})
              </p>
              <p>
                Finds: <code>{findText(v.find)}</code>
                {v.replacement && <> → “{v.replacement}”</>}
              </p>
              {v.message && <p className="muted">{v.message}</p>}
            </>
          )}
        />
      )}
    </form>
  );
}
