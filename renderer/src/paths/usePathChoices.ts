/**
 * The files and folders the page may use, as the main process offers them. The page never names a
 * path: it shows these, asks main to pick a new one in a native dialog, and sends back only the id.
 */
import { useCallback, useEffect, useState } from 'react';
import { IpcCallError } from '../../../shared/ipc/contract';
import type { PathChoices, PathKind, PickedPath } from '../../../shared/ipc/channels/paths';
import { call } from '../api/call';

export function usePathChoices(kind: PathKind, onError: (error: unknown) => void) {
  const [choices, setChoices] = useState<PathChoices | undefined>();

  const reload = useCallback(async () => {
    try {
      const next = await call('listPaths', { kind });
      setChoices(next);
      return next;
    } catch (e) {
      onError(e);
      return undefined;
    }
  }, [kind, onError]);

  useEffect(() => void reload(), [reload]);

  /** Shows main's dialog; undefined when the user cancels it. */
  const pick = useCallback(
    async (currentId?: string): Promise<PickedPath | undefined> => {
      try {
        const picked = await call('pickPath', { kind, ...(currentId ? { currentId } : {}) });
        await reload();
        return picked;
      } catch (e) {
        if (!(e instanceof IpcCallError && e.error.code === 'CANCELLED')) onError(e);
        return undefined;
      }
    },
    [kind, onError, reload],
  );

  return { choices, reload, pick };
}
