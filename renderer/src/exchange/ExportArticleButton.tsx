/** "Export…" in the article view: the export dialog for this one article. */
import { useState } from 'react';
import { ExportDialog } from './ExportDialog';

export function ExportArticleButton({ id, headline }: { id: string; headline: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Export…
      </button>
      {open && <ExportDialog articles={[{ id, headline }]} onClose={() => setOpen(false)} />}
    </>
  );
}
