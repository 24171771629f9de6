/**
 * Picks how the UI reaches the main process: Electron's preload API when it is
 * there, else the browser host's HTTP endpoint. Both expose the same named
 * methods from the shared contract.
 */
import { API_METHODS, type ApiMethod, type IpcResult, type NewsroomApi } from '../../../shared/ipc/contract';

/** Extra hooks only the Electron preload offers (see electron/preload/apiKeys.ts). */
export type ShellHooks = {
  onBeforeClose?: (callback: () => void) => () => void;
  notifyFlushed?: () => void;
  onMenuCommand?: (callback: (command: 'new-article' | 'open-database') => void) => () => void;
  onFilesOpened?: (callback: () => void) => () => void;
};

declare global {
  interface Window {
    newsroom?: NewsroomApi & ShellHooks;
  }
}

const TOKEN_KEY = 'newsroom.browserHostToken';

/** The browser host hands its token in the URL fragment; keep it for reloads and drop it from the address bar. */
function browserHostToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpApi(): NewsroomApi {
  const token = browserHostToken();
  const api = {} as Record<ApiMethod, (request: unknown) => Promise<IpcResult<unknown>>>;
  for (const [method, channel] of Object.entries(API_METHODS) as [ApiMethod, string][]) {
    api[method] = async (request) => {
      try {
        const res = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(request ?? {}),
        });
        const body = (await res.json()) as IpcResult<unknown>;
        return body;
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: `The app service is not reachable (${(error as Error).message}).` } };
      }
    };
  }
  return api as unknown as NewsroomApi;
}

export const api: NewsroomApi & ShellHooks = window.newsroom ?? httpApi();
export const runtime: 'electron' | 'browser' = window.newsroom ? 'electron' : 'browser';
