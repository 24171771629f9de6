/**
 * Import and export from the desk: an Import button, files dropped anywhere on the window, the
 * batch export dialog over the listed articles, and the conflict choice for bundles.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportOutcome } from '../../../shared/ipc/channels/exchange';
import { MAX_IMPORT_BYTES } from '../../../shared/exchange/formats';
import { IMPORT_EXTENSIONS } from '../../../shared/exchange/sniff';
import { base64ToBytes, blobToBase64 } from '../api/base64';
import { call, errorMessage } from '../api/call';
import { api } from '../api/transport';
import { flushAllAutosaves } from '../article/useArticleAutosave';
import { ExportDialog, type ExportCandidate } from './ExportDialog';
import { ImportConflictDialog, type ConflictChoice } from './ImportConflictDialog';
import './exchange.css';

type Props = {
  articles: ExportCandidate[];
  /** After an import: refresh the library and open the article. */
  onImported: (articleId: string) => void;
  /** The export dialog closed: exports may have moved articles to Exported. */
  onExported?: () => void;
  notify: (text: string, kind: 'info' | 'error') => void;
};

type Pending = { file: File; dataBase64: string; conflict: Extract<ImportOutcome, { kind: 'conflict' }> };

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function ExchangeBar({ articles, onImported, onExported, notify }: Props) {
  const [exporting, setExporting] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [pending, setPending] = useState<Pending[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const report = useCallback(
    (name: string, outcome: ImportOutcome) => {
      if (outcome.kind === 'conflict') return;
      const what = outcome.kind === 'kept-mine' ? `Kept your version of “${outcome.headline}”.` : `Imported “${outcome.headline || name}”.`;
      notify([what, ...outcome.warnings].join(' '), 'info');
      if (outcome.kind === 'imported') onImported(outcome.articleId);
    },
    [notify, onImported],
  );

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      for (const file of files) {
        if (file.size > MAX_IMPORT_BYTES) {
          notify(`“${file.name}” is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB and was not imported.`, 'error');
          continue;
        }
        try {
          const dataBase64 = await blobToBase64(file);
          const outcome = await call('importFile', { fileName: file.name, dataBase64 });
          if (outcome.kind === 'conflict') setPending((p) => [...p, { file, dataBase64, conflict: outcome }]);
          else report(file.name, outcome);
        } catch (e) {
          notify(errorMessage(e), 'error');
        }
      }
    },
    [notify, report],
  );

  // Bundles opened from the operating system (Electron): waiting ones at start, then as they come.
  useEffect(() => {
    const take = () =>
      void call('takeOpenedFiles', {})
        .then(({ files, problems }) => {
          for (const p of problems) notify(`“${p.fileName}”: ${p.message}`, 'error');
          const asFiles = files.map((f) => new File([base64ToBytes(f.dataBase64)], f.fileName));
          if (asFiles.length) void importFiles(asFiles);
        })
        .catch((e) => notify(errorMessage(e), 'error'));
    if (!api.onFilesOpened) return;
    take();
    return api.onFilesOpened(take);
  }, [importFiles, notify]);

  // Files dropped anywhere on the window are imported; the editor keeps its own drops of images.
  useEffect(() => {
    let depth = 0;
    const over = (e: DragEvent) => {
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
    };
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (e.defaultPrevented || !e.dataTransfer || e.dataTransfer.files.length === 0) return;
      e.preventDefault();
      void importFiles(Array.from(e.dataTransfer.files));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [importFiles]);

  async function resolve(choice: ConflictChoice | undefined) {
    const [first, ...rest] = pending;
    setPending(rest);
    if (!first || !choice) return;
    try {
      report(first.file.name, await call('importFile', { fileName: first.file.name, dataBase64: first.dataBase64, onConflict: choice }));
    } catch (e) {
      notify(errorMessage(e), 'error');
    }
  }

  return (
    <div className="exchange-bar">
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label="Files to import"
        accept={IMPORT_EXTENSIONS.join(',')}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          void importFiles(files);
        }}
      />
      <button
        type="button"
        onClick={() => input.current?.click()}
        title="Import Markdown, Word, HTML, text, ninjs or article bundles (or drop files on the window)"
      >
        Import…
      </button>
      <button type="button" onClick={() => void flushAllAutosaves().finally(() => setExporting(true))} disabled={articles.length === 0}>
        Export articles…
      </button>
      {exporting && (
        <ExportDialog
          articles={articles}
          onClose={() => {
            setExporting(false);
            onExported?.();
          }}
        />
      )}
      {pending[0] && (
        <ImportConflictDialog key={pending[0].conflict.articleId + pending.length} conflict={pending[0].conflict} onChoose={(c) => void resolve(c)} />
      )}
      {dragging && <div className="drop-overlay">Drop to import</div>}
    </div>
  );
}
