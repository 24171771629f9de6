/** Short notices at the bottom of the window; errors stay until dismissed. */
import { useMemo, useState } from 'react';
import { X } from 'lucide-react';

type Toast = { id: number; text: string; kind: 'info' | 'error' };

export type ToastApi = { list: Toast[]; show: (text: string, kind: Toast['kind']) => void; dismiss: (id: number) => void };

let nextId = 1;

export function useToasts(): ToastApi {
  const [list, setList] = useState<Toast[]>([]);
  const api = useMemo(
    () => ({
      show(text: string, kind: Toast['kind']) {
        const id = nextId++;
        setList((l) => [...l.slice(-3), { id, text, kind }]);
        if (kind === 'info') setTimeout(() => setList((l) => l.filter((t) => t.id !== id)), 4_000);
      },
      dismiss(id: number) {
        setList((l) => l.filter((t) => t.id !== id));
      },
    }),
    [],
  );
  return { list, ...api };
}

export function Toasts({ toasts }: { toasts: ToastApi }) {
  return (
    <div className="toasts" aria-live="polite">
      {toasts.list.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span>{t.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => toasts.dismiss(t.id)}>
            <X size={14} aria-hidden="true" />
          </button>
        </div>
      ))}
    </div>
  );
}
