/** "Export…" in the article view: the export dialog for this one article. */
import { useState } from 'react';
import { ExportDialog } from './ExportDialog';

type Props = {
  id: string;
  headline: string;
  /** Saves pending edits first, so the files hold what the writer sees. */
  beforeOpen: () => Promise<void>;
  /** Exporting may move the article to Exported; the view reloads it. */
  onClosed: () => void;
};

export function ExportArticleButton({ id, headline, beforeOpen, onClosed }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => void beforeOpen().finally(() => setOpen(true))}>
        Export…
      </button>
      {open && (
        <ExportDialog
          articles={[{ id, headline }]}
          onClose={() => {
            setOpen(false);
            onClosed();
          }}
        />
      )}
    </>
  );
}
