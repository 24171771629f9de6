/**
 * After the byline changes, offers (never forces) to add the new author's bio
 * block at the end of the story, or to remove the bio of an author taken off it.
 */
import { useEffect, useRef, useState } from 'react';
import { useLibraryBlocks } from './LibraryContext';

type Offer = { kind: 'insert' | 'remove'; authorId: string; name: string };

export function BylineBioPrompt({ authorIds }: { authorIds: readonly string[] }) {
  const library = useLibraryBlocks();
  const previous = useRef(authorIds);
  const [offer, setOffer] = useState<Offer | undefined>();

  useEffect(() => {
    const before = previous.current;
    previous.current = authorIds;
    if (!library || before === authorIds) return;
    const nameOf = (id: string) => library.authors.find((a) => a.id === id)?.name ?? 'this author';
    const added = authorIds.find((id) => !before.includes(id));
    const removed = before.find((id) => !authorIds.includes(id));
    if (added && !library.hasBio(added)) setOffer({ kind: 'insert', authorId: added, name: nameOf(added) });
    else if (removed && library.hasBio(removed)) setOffer({ kind: 'remove', authorId: removed, name: nameOf(removed) });
    else if (added || removed) setOffer(undefined);
  }, [authorIds, library]);

  if (!library || !offer) return null;
  const author = library.authors.find((a) => a.id === offer.authorId);
  const accept = () => {
    if (offer.kind === 'insert' && author) library.insertBio(author);
    if (offer.kind === 'remove') library.removeBio(offer.authorId);
    setOffer(undefined);
  };

  return (
    <div className="byline-bio-prompt" role="status">
      <span>{offer.kind === 'insert' ? `Insert ${offer.name}’s bio at the end?` : `Remove ${offer.name}’s bio from the story?`}</span>
      <span className="button-row">
        <button type="button" className="primary" onClick={accept} disabled={offer.kind === 'insert' && !author}>
          {offer.kind === 'insert' ? 'Insert' : 'Remove'}
        </button>
        <button type="button" onClick={() => setOffer(undefined)}>
          {offer.kind === 'insert' ? 'Not now' : 'Keep it'}
        </button>
      </span>
    </div>
  );
}
