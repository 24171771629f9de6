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

/** The headless flags every run shares: no sandbox helper, GPU, first-run UI or background network. */
const HEADLESS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Runs headless Chromium once with `args` in a private profile (so parallel runs and a running
 * browser never share a lock), killed after `timeoutMs`. Resolves with the exit code and the start
 * of stderr.
 */
export async function runChromium(chromium: string, args: readonly string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-chromium-profile-'));
  try {
    return await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(chromium, [...HEADLESS, `--user-data-dir=${profile}`, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        if (stderr.length < 4_000) stderr += d.toString();
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve({ code: c, stderr });
      });
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** The first error line Chromium printed, for a message. */
export const chromiumError = (stderr: string) =>
  stderr
    .split('\n')
    .find((l) => /error/i.test(l) && !/dbus|bus\.cc/i.test(l))
    ?.trim()
    .slice(0, 200);

export const printPdfWithChromium: PdfPrinter = async (htmlFile, pdfFile) => {
  const chromium = chromiumPath();
  if (!chromium) {
    throw new AppError('NOT_ALLOWED', 'PDF export needs Chromium, which was not found (set CHROMIUM_PATH). The other formats were exported.');
  }
  const { code, stderr } = await runChromium(chromium, ['--no-pdf-header-footer', `--print-to-pdf=${pdfFile}`, pathToFileURL(htmlFile).href], PRINT_TIMEOUT_MS);
  if (code !== 0 || !fs.existsSync(pdfFile) || fs.statSync(pdfFile).size === 0) {
    const reason = chromiumError(stderr);
    throw new AppError('INTERNAL', `Chromium could not print the PDF${reason ? `: ${reason}` : ` (exit ${code})`}.`);
  }
};
