/** A library list with "show archived", reloaded after every change. */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export function useLibraryList<T extends { id: string }>(load: (includeArchived: boolean) => Promise<T[]>, onError: (e: unknown) => void) {
  const [items, setItems] = useState<T[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [showArchived, setShowArchived] = useState(false);
  // Callers pass fresh functions every render; reload stays one function that uses the latest ones.
  const latest = useRef({ load, onError });
  useLayoutEffect(() => {
    latest.current = { load, onError };
  });
  const reload = useCallback(async () => {
    try {
      // Archived entries are always loaded, so one just archived stays open in its form.
      setItems(await latest.current.load(true));
    } catch (e) {
      latest.current.onError(e);
    } finally {
      setLoaded(true);
    }
  }, []);
  useEffect(() => void reload(), [reload]);
  return { items, loaded, showArchived, setShowArchived, reload };
}
