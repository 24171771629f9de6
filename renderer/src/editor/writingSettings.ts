/**
 * The desk's writing settings (smart typography and its language), loaded from the
 * settings store and shared by every open editor and the Settings dialog.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { DEFAULT_WRITING_SETTINGS, type WritingSettings } from '../../../shared/editor/typography';
import { call } from '../api/call';

let current: WritingSettings = DEFAULT_WRITING_SETTINGS;
const listeners = new Set<() => void>();

function publish(next: WritingSettings): void {
  current = next;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The current settings; reloads them when a component using them mounts (another database may be open). */
export function useWritingSettings(): WritingSettings {
  useEffect(() => {
    call('getWritingSettings', {})
      .then(publish)
      .catch(() => undefined);
  }, []);
  return useSyncExternalStore(subscribe, () => current);
}

export async function saveWritingSettings(settings: WritingSettings): Promise<void> {
  publish(await call('setWritingSettings', settings));
}
