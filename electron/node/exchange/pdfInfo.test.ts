import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumPath, printPdfWithChromium } from './chromiumPdf';
import { withPdfCreator } from './pdfInfo';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-pdfinfo-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const info = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const field = (text: string, name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(text)?.[1];

describe.skipIf(!chromiumPath())('withPdfCreator', () => {
  it('names the desk as Creator and keeps the title, producer, dates and text Chromium wrote', async () => {
    const html = path.join(dir, 'a.html');
    // A title with parentheses, ">>" and non-ASCII letters exercises the string parsing.
    fs.writeFileSync(html, '<!doctype html><title>Votes (final) &gt;&gt; Zürich</title><p>Harbour barrier approved</p>');
    const printed = path.join(dir, 'a.pdf');
    await printPdfWithChromium(html, printed);
    const before = info(printed);
    expect(field(before, 'Creator')).toMatch(/HeadlessChrome/);

    const named = path.join(dir, 'b.pdf');
    fs.writeFileSync(named, withPdfCreator(fs.readFileSync(printed), 'Newsroom Desk 1.2.3'));
    const after = info(named);
    expect(field(after, 'Creator')).toBe('Newsroom Desk 1.2.3');
    for (const name of ['Title', 'Producer', 'CreationDate', 'ModDate', 'Pages']) expect(field(after, name)).toBe(field(before, name));
    expect(field(after, 'Title')).toBe('Votes (final) >> Zürich');
    expect(field(after, 'Suspects')).toBe('no');
    expect(execFileSync('pdftotext', [named, '-'], { encoding: 'utf8' })).toContain('Harbour barrier approved');
    // The bytes Chromium wrote are untouched: the update is appended.
    expect(fs.readFileSync(named).subarray(0, fs.statSync(printed).size).equals(fs.readFileSync(printed))).toBe(true);
  });

  it('writes a creator outside ASCII as a UTF-16 string', async () => {
    const html = path.join(dir, 'a.html');
    fs.writeFileSync(html, '<!doctype html><title>t</title><p>x</p>');
    const printed = path.join(dir, 'a.pdf');
    await printPdfWithChromium(html, printed);
    const named = path.join(dir, 'b.pdf');
    fs.writeFileSync(named, withPdfCreator(fs.readFileSync(printed), 'Rédaction (desk)'));
    expect(field(info(named), 'Creator')).toBe('Rédaction (desk)');
  });
});

describe('withPdfCreator on a file it cannot extend', () => {
  it('leaves bytes without a trailer as they are', () => {
    const bytes = Buffer.from('%PDF-1.7\nnot really a pdf\n');
    expect(withPdfCreator(bytes, 'Newsroom Desk')).toBe(bytes);
  });
});
