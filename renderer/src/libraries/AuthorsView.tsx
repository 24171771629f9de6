/** The author library: list, search, create and edit authors, archive or delete them, read old versions. */
import { useEffect, useId, useState } from 'react';
import type { AuthorEntry, AuthorInput, AuthorVersion } from '../../../shared/library/entries';
import { emptyAuthorInput } from '../../../shared/library/entries';
import { IMAGE_MIME_TYPES, type ImageMimeType } from '../../../shared/ipc/contract';
import { call } from '../api/call';
import { RichText } from '../editor/library-blocks/RichText';
import { RichTextField } from '../editor/library-blocks/RichTextField';
import { blobToBase64 } from '../api/base64';
import { useAssetUrl } from '../editor/library-blocks/useAssetUrl';
import { EntryFormActions, useEntryForm } from './entryForm';
import { LibraryView } from './LibraryView';
import { VersionHistory } from './VersionHistory';
import { NewsroomNote, useLibraryRole } from './newsroomEntry';
import { X } from 'lucide-react';

const inputOf = (a: AuthorEntry): AuthorInput => ({
  name: a.name,
  jobTitle: a.jobTitle,
  bio: a.bio,
  email: a.email,
  photoAssetId: a.photoAssetId,
  readMoreUrl: a.readMoreUrl,
  profileLinks: a.profileLinks,
});

function Photo({ assetId, alt }: { assetId: string; alt: string }) {
  const url = useAssetUrl(assetId);
  return url ? <img className="author-photo" src={url} alt={alt} /> : null;
}

const loadAuthors = (includeArchived: boolean) => call('listAuthors', { includeArchived });
const authorMatches = (a: AuthorEntry, q: string) => `${a.name} ${a.jobTitle} ${a.email}`.toLowerCase().includes(q);

export function AuthorsView() {
  const { inNewsroom, editor } = useLibraryRole();
  const readOnly = (a: AuthorEntry) => a.newsroom === true && !editor;
  return (
    <LibraryView<AuthorEntry>
      readOnly={readOnly}
      label="Author library"
      title="Authors"
      noun="author"
      listLabel="Authors"
      searchPlaceholder="Search by name, title or email"
      emptyText="No authors yet. Press “New author” to add the first one."
      load={loadAuthors}
      matches={authorMatches}
      renderItem={(a) => (
        <>
          <strong>{a.name}</strong> <span className="muted">{a.jobTitle}</span>
        </>
      )}
      renderEditor={({ entry, onSaved, onDeleted }) =>
        entry && readOnly(entry) ? (
          <AuthorReadOnly entry={entry} />
        ) : entry ? (
          <AuthorForm entry={entry} initial={inputOf(entry)} onSaved={onSaved} onDeleted={onDeleted} editor={editor} />
        ) : (
          <AuthorForm initial={emptyAuthorInput()} onSaved={onSaved} editor={editor} newNote={newEntryNote('author', inNewsroom, editor)} />
        )
      }
      intro={
        <>
          <h2>Author library</h2>
          <p>Choose an author to edit their name, title, bio and photo, or add a new one. Bylines and “About the writer” blocks use these entries.</p>
        </>
      }
    />
  );
}

/** Where a new entry goes, said before it is added: a signed-in editor's to the newsroom, anyone else's stays on this desk. */
export function newEntryNote(noun: string, inNewsroom: boolean, editor: boolean): string | undefined {
  if (!inNewsroom) return undefined;
  return editor
    ? `A new ${noun} is added to the newsroom’s library (it needs a connection), and every desk gets it.`
    : `A new ${noun} you add stays on this desk; editors keep the newsroom’s library.`;
}

function AuthorReadOnly({ entry }: { entry: AuthorEntry }) {
  return (
    <section className="entry-form entry-read-only" aria-label={entry.name}>
      <h2>
        {entry.name}
        {entry.archived && <span className="chip">Archived</span>}
        <span className="muted version-note"> · version {entry.version}</span>
      </h2>
      <NewsroomNote entry={entry} noun="author" editor={false} />
      {entry.jobTitle && <p className="muted">{entry.jobTitle}</p>}
      {entry.photoAssetId && <Photo assetId={entry.photoAssetId} alt={entry.name} />}
      <p className="author-bio-text">
        <RichText nodes={entry.bio} />
      </p>
      {entry.email && <p>Email: {entry.email}</p>}
      {entry.readMoreUrl && <p>Read more: {entry.readMoreUrl}</p>}
      {entry.profileLinks.length > 0 && (
        <ul aria-label="Profile links">
          {entry.profileLinks.map((l, i) => (
            <li key={i}>
              {l.label}: {l.url}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type FormProps = {
  entry?: AuthorEntry;
  initial: AuthorInput;
  onSaved: (entry: AuthorEntry) => Promise<void> | void;
  onDeleted?: () => Promise<void>;
  editor: boolean;
  newNote?: string | undefined;
};

function AuthorForm({ entry, initial, onSaved, onDeleted, editor, newNote }: FormProps) {
  const { draft, set, status, setStatus, error, run } = useEntryForm<AuthorInput>(initial);
  const [versions, setVersions] = useState<AuthorVersion[]>([]);
  const id = useId();

  useEffect(() => {
    if (entry)
      call('listAuthorVersions', { id: entry.id })
        .then(setVersions)
        .catch(() => setVersions([]));
  }, [entry]);

  const save = () =>
    run(async () => {
      if (!draft.name.trim()) throw new Error('An author needs a name.');
      if (entry) {
        const { entry: saved, updatedArticles } = await call('updateAuthor', { id: entry.id, baseVersion: entry.version, author: draft });
        setStatus(updatedArticles ? `Saved. Updated the bio in ${updatedArticles} ${updatedArticles === 1 ? 'draft' : 'drafts'}.` : 'Saved.');
        await onSaved(saved);
      } else {
        await onSaved(await call('createAuthor', { author: draft }));
      }
    });

  const choosePhoto = (file: File | undefined) =>
    run(async () => {
      if (!file) return;
      if (!(IMAGE_MIME_TYPES as readonly string[]).includes(file.type)) throw new Error('Choose a PNG, JPEG, GIF or WebP image.');
      const { assetId } = await call('putAsset', { fileName: file.name, mimeType: file.type as ImageMimeType, dataBase64: await blobToBase64(file) });
      set({ photoAssetId: assetId });
    });

  return (
    <form
      className="entry-form"
      aria-label={entry ? `Edit ${entry.name}` : 'New author'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>
        {entry ? entry.name : 'New author'}
        {entry?.archived && <span className="chip">Archived</span>}
        {entry && <span className="muted version-note"> · version {entry.version}</span>}
      </h2>
      <NewsroomNote entry={entry} noun="author" editor={editor} />
      {newNote && (
        <p className="newsroom-note" role="note">
          {newNote}
        </p>
      )}
      <label htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} value={draft.name} required maxLength={200} onChange={(e) => set({ name: e.target.value })} />
      <label htmlFor={`${id}-title`}>Job title</label>
      <input id={`${id}-title`} value={draft.jobTitle} maxLength={200} onChange={(e) => set({ jobTitle: e.target.value })} />
      <label htmlFor={`${id}-email`}>Email</label>
      <input id={`${id}-email`} type="email" value={draft.email} onChange={(e) => set({ email: e.target.value })} />
      <RichTextField label="Short bio" value={draft.bio} onChange={(bio) => set({ bio })} placeholder="I am a staff writer on the…" />
      <div className="photo-field">
        <span className="rich-text-label">Photo</span>
        {draft.photoAssetId && <Photo assetId={draft.photoAssetId} alt={draft.name} />}
        <input type="file" accept={IMAGE_MIME_TYPES.join(',')} aria-label="Photo file" onChange={(e) => void choosePhoto(e.target.files?.[0])} />
        {draft.photoAssetId && (
          <button type="button" onClick={() => set({ photoAssetId: '' })}>
            Remove photo
          </button>
        )}
      </div>
      <label htmlFor={`${id}-more`}>“Read more” link</label>
      <input id={`${id}-more`} type="url" value={draft.readMoreUrl} placeholder="https://…" onChange={(e) => set({ readMoreUrl: e.target.value })} />
      <fieldset className="profile-links">
        <legend>Profile links</legend>
        {draft.profileLinks.map((link, i) => (
          <div key={i} className="profile-link-row">
            <input
              aria-label={`Profile link ${i + 1} label`}
              placeholder="Label"
              value={link.label}
              onChange={(e) => set({ profileLinks: draft.profileLinks.map((l, j) => (j === i ? { ...l, label: e.target.value } : l)) })}
            />
            <input
              aria-label={`Profile link ${i + 1} address`}
              placeholder="https://…"
              value={link.url}
              onChange={(e) => set({ profileLinks: draft.profileLinks.map((l, j) => (j === i ? { ...l, url: e.target.value } : l)) })}
            />
            <button
              type="button"
              aria-label={`Remove profile link ${i + 1}`}
              onClick={() => set({ profileLinks: draft.profileLinks.filter((_, j) => j !== i) })}
            >
              <X size={14} aria-hidden="true" />
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set({ profileLinks: [...draft.profileLinks, { label: '', url: '' }] })}>
          Add profile link
        </button>
      </fieldset>
      <EntryFormActions
        noun="author"
        entry={entry}
        error={error}
        status={status}
        run={run}
        onArchiveToggle={async () => {
          await onSaved(await call('setAuthorArchived', { id: entry!.id, archived: !entry!.archived }));
        }}
        onDelete={async () => {
          await call('deleteAuthor', { id: entry!.id, confirm: true });
          await onDeleted?.();
        }}
        deleteMessage={<>{entry?.name} will be removed from the library. Authors used by any article cannot be deleted; archive them instead.</>}
      />
      {entry && (
        <VersionHistory
          versions={versions}
          render={(v) => (
            <>
              <p>
                <strong>{v.name}</strong> {v.jobTitle && <span className="muted">{v.jobTitle}</span>}
              </p>
              <p>
                <RichText nodes={v.bio} />
              </p>
              {v.readMoreUrl && <p className="muted">Read more: {v.readMoreUrl}</p>}
            </>
          )}
        />
      )}
    </form>
  );
}
