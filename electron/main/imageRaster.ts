/**
 * Images Word cannot show (WebP), redrawn as PNG by Chromium inside Electron: a hidden, offscreen,
 * sandboxed window with JavaScript off shows one image at the wanted size and is captured. Plain
 * Node uses headless Chromium instead (electron/node/export/chromiumRaster.ts).
 */
import { BrowserWindow, type NativeImage } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rasterPage } from '../node/export/chromiumRaster';
import type { ImageRasterizer } from '../node/export/docx';

const RASTER_TIMEOUT_MS = 30_000;

export const rasterizeInHiddenWindow: ImageRasterizer = async ({ bytes, mime, width, height }) => {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-raster-'));
  const window = new BrowserWindow({
    show: false,
    width,
    height,
    useContentSize: true,
    frame: false,
    transparent: true,
    backgroundColor: '#00000000',
    webPreferences: {
      offscreen: true,
      sandbox: true,
      javascript: false,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      partition: 'newsroom-raster',
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*'] }, (_details, callback) => callback({ cancel: true }));
  let timer: NodeJS.Timeout | undefined;
  try {
    const imageFile = `source.${/^image\/([a-z]+)$/.exec(mime)?.[1] ?? 'img'}`;
    fs.writeFileSync(path.join(temp, imageFile), bytes);
    const page = path.join(temp, 'page.html');
    fs.writeFileSync(page, rasterPage(imageFile, width, height));
    const png = await Promise.race([
      (async () => {
        await window.loadURL(pathToFileURL(page).href);
        // Offscreen rendering hands over whole frames: ask for one now that the image has loaded.
        const image = await new Promise<NativeImage>((resolve) => {
          window.webContents.once('paint', (_event, _dirty, frame) => resolve(frame));
          window.webContents.invalidate();
        });
        const size = image.getSize();
        // A high-density display captures more pixels than asked for.
        return (size.width === width && size.height === height ? image : image.resize({ width, height, quality: 'best' })).toPNG();
      })(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('converting it took too long')), RASTER_TIMEOUT_MS);
      }),
    ]);
    return new Uint8Array(png);
  } finally {
    if (timer) clearTimeout(timer);
    window.destroy();
    fs.rmSync(temp, { recursive: true, force: true });
  }
};
