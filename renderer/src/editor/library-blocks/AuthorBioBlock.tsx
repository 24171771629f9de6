/** The "About the writer" block, laid out as the HTML export writes it. */
import type { Element } from 'slate';
import type { RenderElementProps } from 'slate-react';
import { BIO_HEADING, READ_MORE } from '../../../../shared/export/common';
import { safeUrl } from '../../../../shared/security/urlPolicy';
import { authorSnapshot } from '../../../../shared/library/blocks';
import type { AuthorBioElement } from '../../../../shared/model/document';
import { useSetField } from '../plugins/fields';
import { BlockChrome, SnapshotInput } from './BlockChrome';
import { useLibraryBlocks } from './LibraryContext';
import { RichText } from './RichText';
import { RichTextField } from './RichTextField';
import { useAssetUrl } from './useAssetUrl';

function Photo({ assetId, name }: { assetId: string; name: string }) {
  const url = useAssetUrl(assetId);
  return url ? <img className="author-photo" src={url} alt={name} /> : null;
}

export function AuthorBioBlock(props: RenderElementProps & { element: AuthorBioElement }) {
  const { element } = props;
  const library = useLibraryBlocks();
  const setField = useSetField(element);
  const source = library?.authors.find((a) => a.id === element.authorId);
  const s = element.snapshot;
  const notice =
    element.mode === 'detached' || !library?.loaded
      ? undefined
      : !source
        ? 'This author is no longer in the library; showing the last saved bio.'
        : source.archived
          ? 'This author was archived; showing the last saved bio.'
          : undefined;
  const readMore = safeUrl(s.readMoreUrl);
  const detached = element.mode === 'detached';

  return (
    <BlockChrome
      {...props}
      kindLabel="Author bio"
      sourceLabel={s.name || 'Unnamed author'}
      notice={notice}
      resync={source && !source.archived ? { version: source.version, snapshot: authorSnapshot(source) } : undefined}
      body={
        <aside className="author-bio-preview">
          <h2>{BIO_HEADING}</h2>
          {s.photoAssetId && <Photo assetId={s.photoAssetId} name={s.name} />}
          {detached ? (
            <div className="snapshot-form">
              <SnapshotInput element={element} field="name" label="Name" />
              <SnapshotInput element={element} field="jobTitle" label="Job title" />
              <RichTextField label="Bio" value={s.bio} onChange={(bio) => setField({ snapshot: { ...element.snapshot, bio } } as Partial<Element>)} />
              <SnapshotInput element={element} field="readMoreUrl" label="Read more link" type="url" placeholder="https://…" />
            </div>
          ) : (
            <>
              <p className="author-name">{s.name}</p>
              {s.jobTitle && <p className="author-title">{s.jobTitle}</p>}
              {s.bio.length > 0 && (
                <p className="author-text">
                  <RichText nodes={s.bio} />
                </p>
              )}
              {readMore && (
                <p className="read-more">
                  <a href={readMore} target="_blank" rel="noopener noreferrer">
                    {READ_MORE}
                  </a>
                </p>
              )}
            </>
          )}
        </aside>
      }
    />
  );
}
