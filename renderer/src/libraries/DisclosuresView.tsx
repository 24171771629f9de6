/** The AI-use disclosure library: templates, the uses each covers, their version history. */
import { useEffect, useId, useState } from 'react';
import { AI_USES, type AiUse } from '../../../shared/model/article';
import { AI_USE_LABELS, type DisclosureEntry, type DisclosureInput, type DisclosureVersion } from '../../../shared/library/entries';
import { call } from '../api/call';
import { RichText } from '../editor/library-blocks/RichText';
import { RichTextField } from '../editor/library-blocks/RichTextField';
import { EntryFormActions, useEntryForm } from './entryForm';
import { LibraryView } from './LibraryView';
import { VersionHistory } from './VersionHistory';
import { newEntryNote } from './AuthorsView';
import { NewsroomNote, useLibraryRole } from './newsroomEntry';

const inputOf = (t: DisclosureEntry): DisclosureInput => ({ title: t.title, text: t.text, policyUrl: t.policyUrl, covers: t.covers });
const blank = (): DisclosureInput => ({ title: '', text: [{ text: '' }], policyUrl: '', covers: [] });

const loadDisclosures = (includeArchived: boolean) => call('listDisclosures', { includeArchived });
const disclosureMatches = (t: DisclosureEntry, q: string) => t.title.toLowerCase().includes(q);

export function DisclosuresView() {
  const { inNewsroom, editor } = useLibraryRole();
  const readOnly = (t: DisclosureEntry) => t.newsroom === true && !editor;
  return (
    <LibraryView<DisclosureEntry>
      readOnly={readOnly}
      label="Disclosure library"
      title="AI-use disclosures"
      noun="disclosure"
      listLabel="Disclosures"
      searchPlaceholder="Search by title"
      emptyText="No disclosure templates yet. Press “New disclosure”."
      load={loadDisclosures}
      matches={disclosureMatches}
      renderItem={(t) => (
        <>
          <strong>{t.title}</strong> <span className="muted">v{t.version}</span>
        </>
      )}
      renderEditor={({ entry, onSaved, onDeleted }) =>
        entry && readOnly(entry) ? (
          <DisclosureReadOnly entry={entry} />
        ) : entry ? (
          <DisclosureForm entry={entry} initial={inputOf(entry)} onSaved={onSaved} onDeleted={onDeleted} editor={editor} />
        ) : (
          <DisclosureForm initial={blank()} onSaved={onSaved} editor={editor} newNote={newEntryNote('disclosure', inNewsroom, editor)} />
        )
      }
      intro={
        <>
          <h2>AI-use disclosures</h2>
          <p>
            Choose a template to edit its text and the uses it covers, or add a new one. Editing a template saves a new version; drafts that use it follow,
            approved articles keep the version they were approved with.
          </p>
        </>
      }
    />
  );
}

function DisclosureReadOnly({ entry }: { entry: DisclosureEntry }) {
  return (
    <section className="entry-form entry-read-only" aria-label={entry.title}>
      <h2>
        {entry.title}
        {entry.archived && <span className="chip">Archived</span>}
        <span className="muted version-note"> · version {entry.version}</span>
      </h2>
      <NewsroomNote entry={entry} noun="disclosure" editor={false} />
      <p>
        <RichText nodes={entry.text} />
      </p>
      {entry.policyUrl && <p>AI policy: {entry.policyUrl}</p>}
      <p>
        Fits articles that declare AI use for:{' '}
        {entry.covers.length === 0 ? 'none (“No generative AI used”)' : entry.covers.map((u) => AI_USE_LABELS[u]).join(', ')}
      </p>
    </section>
  );
}

type FormProps = {
  entry?: DisclosureEntry;
  initial: DisclosureInput;
  onSaved: (t: DisclosureEntry) => Promise<void> | void;
  onDeleted?: () => Promise<void>;
  editor: boolean;
  newNote?: string | undefined;
};

function DisclosureForm({ entry, initial, onSaved, onDeleted, editor, newNote }: FormProps) {
  const { draft, set, status, setStatus, error, run } = useEntryForm<DisclosureInput>(initial);
  const [versions, setVersions] = useState<DisclosureVersion[]>([]);
  const id = useId();
  const toggle = (use: AiUse, on: boolean) => set({ covers: AI_USES.filter((u) => (u === use ? on : draft.covers.includes(u))) });

  useEffect(() => {
    if (entry)
      call('listDisclosureVersions', { id: entry.id })
        .then(setVersions)
        .catch(() => setVersions([]));
  }, [entry]);

  const save = () =>
    run(async () => {
      if (!draft.title.trim()) throw new Error('A disclosure needs a title.');
      if (entry) {
        const { entry: saved, updatedArticles } = await call('updateDisclosure', { id: entry.id, baseVersion: entry.version, disclosure: draft });
        setStatus(
          saved.version === entry.version
            ? 'Saved.'
            : `Saved as version ${saved.version}.${updatedArticles ? ` Updated ${updatedArticles} ${updatedArticles === 1 ? 'draft' : 'drafts'}.` : ''}`,
        );
        await onSaved(saved);
      } else {
        await onSaved(await call('createDisclosure', { disclosure: draft }));
      }
    });

  return (
    <form
      className="entry-form"
      aria-label={entry ? `Edit ${entry.title}` : 'New disclosure'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>
        {entry ? entry.title : 'New disclosure'}
        {entry?.archived && <span className="chip">Archived</span>}
        {entry && <span className="muted version-note"> · version {entry.version}</span>}
      </h2>
      <NewsroomNote entry={entry} noun="disclosure" editor={editor} />
      {newNote && (
        <p className="newsroom-note" role="note">
          {newNote}
        </p>
      )}
      <label htmlFor={`${id}-title`}>Title</label>
      <input id={`${id}-title`} value={draft.title} required onChange={(e) => set({ title: e.target.value })} />
      <RichTextField
        label="Disclosure text"
        value={draft.text}
        onChange={(text) => set({ text })}
        placeholder="To read how we use AI as a newsroom tool, click here."
      />
      <label htmlFor={`${id}-policy`}>AI policy link</label>
      <input id={`${id}-policy`} type="url" value={draft.policyUrl} placeholder="https://…" onChange={(e) => set({ policyUrl: e.target.value })} />
      <fieldset className="covers">
        <legend>Fits articles that declare AI use for</legend>
        {AI_USES.map((use) => (
          <label key={use} className="check">
            <input type="checkbox" checked={draft.covers.includes(use)} onChange={(e) => toggle(use, e.target.checked)} />
            {AI_USE_LABELS[use]}
          </label>
        ))}
        <p className="hint">{draft.covers.length === 0 ? 'Covers no AI use: fits only articles that declare none (“No generative AI used”).' : ''}</p>
      </fieldset>
      <EntryFormActions
        noun="disclosure"
        entry={entry}
        error={error}
        status={status}
        run={run}
        onArchiveToggle={async () => {
          await onSaved(await call('setDisclosureArchived', { id: entry!.id, archived: !entry!.archived }));
        }}
        onDelete={async () => {
          await call('deleteDisclosure', { id: entry!.id, confirm: true });
          await onDeleted?.();
        }}
        deleteMessage={<>“{entry?.title}” and its versions will be removed. Templates used by any article cannot be deleted; archive them instead.</>}
      />
      {entry && (
        <VersionHistory
          versions={versions}
          render={(v) => (
            <>
              <p>
                <strong>{v.title}</strong>
              </p>
              <p>
                <RichText nodes={v.text} />
              </p>
              {v.policyUrl && <p className="muted">Policy: {v.policyUrl}</p>}
            </>
          )}
        />
      )}
    </form>
  );
}
