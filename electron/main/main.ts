/**
 * The Electron shell: one window showing the renderer from app://newsroom,
 * the database session behind the IPC choke point, and the hardening that
 * only Electron can apply (protocol, navigation, permissions, menus). Policy
 * lives in electron/node/security; this file only wires it to Electron.
 */
import { app, BrowserWindow, dialog, Menu, protocol, safeStorage, session, shell, type WebContents } from 'electron';
import log from 'electron-log/main';
import fs from 'node:fs';
import path from 'node:path';
import { BackupService } from '../node/backup/backupService';
import { createDispatcher } from '../node/ipc/dispatch';
import { createHandlers } from '../node/ipc/handlers';
import { APP_ENTRY_URL, APP_SCHEME, contentTypeFor, isTrustedIpcSender, resolveAppRequest } from '../node/security/appProtocol';
import { cspFor } from '../node/security/csp';
import { permissionDecision, shouldAllowNavigation, windowOpenDecision } from '../node/security/navigation';
import { secureWebPreferences } from '../node/security/webPreferences';
import { IMPORT_EXTENSIONS } from '../../shared/exchange/sniff';
import { bundlePathsIn, OpenedFiles } from '../node/exchange/openedFiles';
import { PickedPaths } from '../node/paths/pickedPaths';
import { DatabaseSession } from '../node/session';
import { fileTokenVault } from '../node/sync/fileTokenVault';
import { SyncService } from '../node/sync/syncService';
import type { PathKind } from '../../shared/ipc/channels/paths';
import { SHELL_CHANNELS, type MenuCommand } from '../preload/apiKeys';
import { rasterizeInHiddenWindow } from './imageRaster';
import { registerIpcHandlers, requestRendererFlush } from './ipc';
import { configureLogFile, logUncaughtErrors } from './logFile';
import { applicationMenuTemplate, contextMenuTemplate } from './menus';
import { nativeBindingPath } from './nativeBinding';
import { printPdfInHiddenWindow } from './pdf';
import { readSettings, startupDatabasePath, writeSettings, type ShellSettings } from './settings';

const APP_NAME = 'Newsroom Desk';
/** How long a closing window waits for the page to save pending edits. */
const CLOSE_FLUSH_TIMEOUT_MS = 2_000;

// main.cjs is bundled to <root>/dist/electron/, inside app.asar when packaged.
const appRoot = path.resolve(__dirname, '..', '..');
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

app.setName(APP_NAME);
// One userData folder whether run from source (package name) or packaged (product name). Tests and
// side-by-side profiles point it elsewhere with NEWSROOM_USER_DATA. Must happen before anything reads it.
app.setPath('userData', process.env.NEWSROOM_USER_DATA ? path.resolve(process.env.NEWSROOM_USER_DATA) : path.join(app.getPath('appData'), APP_NAME));
// Main-process problems go to a rotating file in the app's logs folder (Help ▸ Show Log File).
app.setAppLogsPath();
const logFile = configureLogFile(log, app.getPath('logs'));
logUncaughtErrors(log);
// Every renderer sandboxed, whatever options a future window forgets.
app.enableSandbox();

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | undefined;
/** Article bundles opened from the operating system, waiting for the window to import them. */
const openedFiles = new OpenedFiles();

function queueOpenedFiles(paths: readonly string[]): void {
  if (openedFiles.add(paths)) mainWindow?.webContents.send(SHELL_CHANNELS.filesOpened);
}
let databaseSession: DatabaseSession | undefined;
let backupService: BackupService | undefined;
let quitting = false;

function securityHeaders(contentType: string, pathname = '/'): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': cspFor(pathname),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

async function serveRenderer(request: Request): Promise<Response> {
  const notFound = () => new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
  const file = resolveAppRequest(rendererDir, request.url);
  if (!file) return notFound();
  try {
    const body = await fs.promises.readFile(file);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: securityHeaders(contentTypeFor(file), new URL(request.url).pathname),
    });
  } catch {
    return notFound();
  }
}

/** Hardening for every web contents the app ever creates, not only the main window. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('render-process-gone', (_event, details) => log.error(`A window's page stopped (${details.reason}, exit code ${details.exitCode}).`));
  contents.on('will-navigate', (event) => {
    if (!shouldAllowNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!shouldAllowNavigation(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) void shell.openExternal(url);
    return { action: decision.action };
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionDecision(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionDecision(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  protocol.handle(APP_SCHEME, serveRenderer);
}

const settingsFile = () => path.join(app.getPath('userData'), 'settings.json');

function updateSettings(change: Partial<ShellSettings>, what: string): void {
  try {
    writeSettings(settingsFile(), { ...readSettings(settingsFile()), ...change });
  } catch (error) {
    log.error(`Could not remember ${what}: ${(error as Error).message}`);
  }
}

function openDatabaseSession(): DatabaseSession {
  const userData = app.getPath('userData');
  const dbPath = startupDatabasePath(readSettings(settingsFile()), userData);
  return new DatabaseSession(dbPath, {
    nativeBinding: nativeBindingPath({ packaged: app.isPackaged, appRoot, resourcesPath: process.resourcesPath }),
    runtime: 'electron',
    seedOnCreate: true,
    onPathChange: (databasePath) => updateSettings({ databasePath }, 'the database location'),
  });
}

const DIALOGS: Record<PathKind, Electron.OpenDialogOptions> = {
  database: {
    title: 'Open Newsroom Database',
    properties: ['openFile'],
    filters: [
      { name: 'Newsroom databases', extensions: ['db', 'sqlite', 'sqlite3'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
  'backup-folder': { title: 'Back Up to Folder', properties: ['openDirectory', 'createDirectory'] },
  'export-folder': { title: 'Export to Folder', properties: ['openDirectory', 'createDirectory'] },
};

/** The only source of new paths in the app: the page gets an id for what the user picks here. */
async function pickPath(kind: PathKind, current?: string): Promise<string | undefined> {
  const options = { ...DIALOGS[kind], ...(current ? { defaultPath: current } : {}) };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? undefined : result.filePaths[0];
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(SHELL_CHANNELS.menuCommand, command);
}

function installApplicationMenu(): void {
  const template = applicationMenuTemplate({
    appName: APP_NAME,
    isMac: process.platform === 'darwin',
    isDev: !app.isPackaged,
    sendCommand: sendMenuCommand,
    showAbout: () => {
      void dialog.showMessageBox({
        type: 'info',
        title: `About ${APP_NAME}`,
        message: `${APP_NAME} ${app.getVersion()}`,
        detail: `An offline editor for newsroom articles.\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome}`,
      });
    },
    // The chosen files join the bundles the operating system opened: the window takes and imports them.
    importFiles: () => {
      const options: Electron.OpenDialogOptions = {
        title: 'Import Articles',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Articles', extensions: IMPORT_EXTENSIONS.map((e) => e.slice(1)) },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      void (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)).then((result) => {
        if (!result.canceled) queueOpenedFiles(result.filePaths);
      });
    },
    showDatabaseInFolder: () => {
      const status = databaseSession?.status();
      if (status) shell.showItemInFolder(status.path);
    },
    showLogFile: () => shell.showItemInFolder(logFile),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function attachContextMenu(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window });
  });
}

/** Lets the page save its pending autosave before the window goes; at most CLOSE_FLUSH_TIMEOUT_MS. */
function guardClose(window: BrowserWindow): void {
  let flushed = false;
  let waiting = false;
  window.on('close', (event) => {
    if (flushed) return;
    event.preventDefault();
    if (waiting) return;
    waiting = true;
    void requestRendererFlush(window.webContents, CLOSE_FLUSH_TIMEOUT_MS).then(() => {
      flushed = true;
      if (!window.isDestroyed()) window.close();
    });
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: APP_NAME,
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  attachContextMenu(window);
  guardClose(window);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

async function start(): Promise<void> {
  log.info(`${APP_NAME} ${app.getVersion()} starting (Electron ${process.versions.electron}, ${process.platform})`);
  hardenSession();
  // A database that cannot be opened leaves the session in an error state; the window still opens and says why.
  databaseSession = openDatabaseSession();
  const sessionForHandlers = databaseSession;
  backupService = new BackupService({
    session: sessionForHandlers,
    nativeBinding: nativeBindingPath({ packaged: app.isPackaged, appRoot, resourcesPath: process.resourcesPath }),
    log: (message) => log.error(message),
  });
  backupService.start();
  // Newsroom server session tokens: sealed by the OS keychain through safeStorage, never stored in clear.
  const syncService = new SyncService(
    sessionForHandlers,
    fileTokenVault(path.join(app.getPath('userData'), 'sync-tokens.json'), {
      available: () => safeStorage.isEncryptionAvailable(),
      encrypt: (text) => safeStorage.encryptString(text),
      decrypt: (data) => safeStorage.decryptString(data),
    }),
  );
  const dispatch = createDispatcher(
    createHandlers({
      session: sessionForHandlers,
      sync: syncService,
      info: { appVersion: app.getVersion(), runtime: 'electron', platform: process.platform },
      paths: new PickedPaths({
        remembered: readSettings(settingsFile()).recentPaths,
        onRemember: (recentPaths) => updateSettings({ recentPaths }, 'the recent files and folders'),
      }),
      pickPath,
      backups: backupService,
      exchange: {
        reveal: (file) => shell.showItemInFolder(file),
        printPdf: printPdfInHiddenWindow,
        rasterizeImage: rasterizeInHiddenWindow,
        takeOpenedFiles: () => openedFiles.take(),
      },
    }),
    {
      isTrustedSender: isTrustedIpcSender,
      onInternalError: (channel, error) => log.error(`IPC ${channel} failed:`, error),
    },
  );
  registerIpcHandlers(dispatch);
  installApplicationMenu();
  // Windows and Linux pass a double-clicked bundle as an argument at first launch.
  openedFiles.add(bundlePathsIn(process.argv.slice(1), process.cwd()));
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // macOS hands opened files over with this event (also before the app is ready).
  app.on('open-file', (event, file) => {
    event.preventDefault();
    queueOpenedFiles([file]);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    queueOpenedFiles(bundlePathsIn(argv.slice(1), workingDirectory));
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('child-process-gone', (_event, details) => log.error(`A helper process stopped (${details.type}: ${details.reason}, exit code ${details.exitCode}).`));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitting) app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && !mainWindow && databaseSession) mainWindow = createWindow();
  });
  app.on('will-quit', () => {
    void backupService?.stop();
    databaseSession?.close();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('The app could not start:', error);
      dialog.showErrorBox(APP_NAME, `The app could not start: ${(error as Error)?.message ?? String(error)}`);
      app.exit(1);
    });
}
