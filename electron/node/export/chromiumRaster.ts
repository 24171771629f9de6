/**
 * Images Word cannot show (WebP), redrawn as PNG by headless Chromium on plain Node (CLI, browser
 * host, tests): a page holding only the image at the wanted size, screenshotted with a transparent
 * background. The browser that prints the PDF export decodes it, so nothing new parses the bytes;
 * the page runs no JavaScript and its CSP allows nothing but the image file next to it. The
 * Electron app draws in a hidden window instead (electron/main/imageRaster.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumError, chromiumPath, runChromium } from '../exchange/chromiumPdf';
import type { ImageRasterizer } from './docx';
import { imageInfo } from './imageSize';

const RASTER_TIMEOUT_MS = 30_000;

/** A page showing one image at exactly `width` × `height` CSS pixels and nothing else. */
export function rasterPage(imageFileName: string, width: number, height: number): string {
  const src = encodeURIComponent(imageFileName);
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src file:; style-src 'unsafe-inline'"><style>html,body{margin:0;padding:0;overflow:hidden;background:transparent}img{display:block;width:${width}px;height:${height}px}</style></head><body><img src="${src}" alt=""></body></html>`;
}

export const rasterizeWithChromium: ImageRasterizer = async ({ bytes, mime, width, height }) => {
  const chromium = chromiumPath();
  if (!chromium) throw new Error('Chromium, which converts it, was not found (set CHROMIUM_PATH)');
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-raster-'));
  try {
    // Chromium types a file: URL by its extension.
    const imageFile = `source.${/^image\/([a-z]+)$/.exec(mime)?.[1] ?? 'img'}`;
    fs.writeFileSync(path.join(temp, imageFile), bytes);
    const page = path.join(temp, 'page.html');
    const png = path.join(temp, 'image.png');
    fs.writeFileSync(page, rasterPage(imageFile, width, height));
    const args = [
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      '--default-background-color=00000000',
      `--window-size=${width},${height}`,
      `--screenshot=${png}`,
      pathToFileURL(page).href,
    ];
    const { code, stderr } = await runChromium(chromium, args, RASTER_TIMEOUT_MS);
    const out = fs.existsSync(png) ? new Uint8Array(fs.readFileSync(png)) : undefined;
    const info = out && imageInfo(out);
    if (code !== 0 || !out || info?.kind !== 'png' || info.width !== width || info.height !== height) {
      const reason = chromiumError(stderr);
      throw new Error(`Chromium could not convert it${reason ? ` (${reason})` : ` (exit ${code})`}`);
    }
    return out;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
};
