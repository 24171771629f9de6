/** Settings ▸ Newsroom server from anywhere (the Settings dialog, the connection state): one dialog, owned by the app. */
const EVENT = 'newsroom:open-server-settings';

export function openServerSettings(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onOpenServerSettings(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
