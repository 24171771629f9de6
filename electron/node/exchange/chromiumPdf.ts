/**
 * PDF on plain Node (CLI, browser host, tests): headless Chromium prints the HTML export. The
 * Electron app prints in a hidden window instead (electron/main/pdf.ts). JavaScript plays no part:
 * the export page has none and its CSP forbids it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../../shared/ipc/contract';

export type PdfPrinter = (htmlFile: string, pdfFile: string) => Promise<void>;

const PRINT_TIMEOUT_MS = 60_000;

export function chromiumPath(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return fs.existsSync(candidate) ? candidate : undefined;
}

export const printPdfWithChromium: PdfPrinter = async (htmlFile, pdfFile) => {
  const chromium = chromiumPath();
  if (!chromium) {
    throw new AppError('NOT_ALLOWED', 'PDF export needs Chromium, which was not found (set CHROMIUM_PATH). The other formats were exported.');
  }
  // A private profile per print, so parallel prints (and a running browser) never share a lock.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-pdf-profile-'));
  try {
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-pdf-header-footer',
      `--user-data-dir=${profile}`,
      `--print-to-pdf=${pdfFile}`,
      pathToFileURL(htmlFile).href,
    ];
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        if (stderr.length < 4_000) stderr += d.toString();
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), PRINT_TIMEOUT_MS);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve({ code: c, stderr });
      });
    });
    if (code !== 0 || !fs.existsSync(pdfFile) || fs.statSync(pdfFile).size === 0) {
      const reason = stderr.split('\n').find((l) => /error/i.test(l))?.trim();
      throw new AppError('INTERNAL', `Chromium could not print the PDF${reason ? `: ${reason.slice(0, 200)}` : ` (exit ${code})`}.`);
    }
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
};
