/**
 * The renderer's web preferences. The UI is untrusted content as far as the
 * main process is concerned: it runs sandboxed, isolated from the preload,
 * without Node, and reaches the app only through the named preload API.
 */
export type SecureWebPreferences = {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly webviewTag: false;
  readonly spellcheck: true;
  readonly navigateOnDragDrop: false;
  readonly experimentalFeatures: false;
  readonly safeDialogs: true;
  readonly disableBlinkFeatures: 'Auxclick';
};

export function secureWebPreferences(preloadPath: string): SecureWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // Reporters write all day: the OS dictionary's underlines and suggestions are a feature.
    spellcheck: true,
    // Dropping a file on the window must never replace the app with that file.
    navigateOnDragDrop: false,
    experimentalFeatures: false,
    safeDialogs: true,
    // Middle-click would otherwise open links through a path that skips the click handlers.
    disableBlinkFeatures: 'Auxclick',
  };
}
