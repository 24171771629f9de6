/** A library list with "show archived", reloaded after every change. */
import { useCallback, useEffect, useState } from 'react';

export function useLibraryList<T extends { id: string }>(load: (includeArchived: boolean) => Promise<T[]>, onError: (e: unknown) => void) {
  const [items, setItems] = useState<T[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [showArchived, setShowArchived] = useState(false);
  const reload = useCallback(async () => {
    try {
      // Archived entries are always loaded, so one just archived stays open in its form.
      setItems(await load(true));
    } catch (e) {
      onError(e);
    } finally {
      setLoaded(true);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => void reload(), [reload]);
  return { items, loaded, showArchived, setShowArchived, reload };
}
