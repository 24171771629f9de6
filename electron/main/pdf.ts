/**
 * PDF in the app: the HTML export printed by Chromium inside Electron, in a hidden window that is
 * sandboxed, has JavaScript off, no preload and no network beyond the file it loads.
 */
import { BrowserWindow } from 'electron';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const PRINT_TIMEOUT_MS = 60_000;

export async function printPdfInHiddenWindow(htmlFile: string, pdfFile: string): Promise<void> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      javascript: false,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      images: true,
      spellcheck: false,
      // Its own session, so blocking the network here never touches the app window.
      partition: 'newsroom-pdf',
      // No middle-click opening of links in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const page = pathToFileURL(htmlFile).href;
  // Nothing but the export page itself may load in this window.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*'] }, (_details, callback) => callback({ cancel: true }));
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      (async () => {
        await window.loadURL(page);
        const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4', displayHeaderFooter: false });
        await fs.promises.writeFile(pdfFile, pdf);
      })(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('Printing the PDF took too long.')), PRINT_TIMEOUT_MS);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
    window.destroy();
  }
}
