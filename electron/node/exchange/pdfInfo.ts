/**
 * Names the desk as the PDF's Creator. Chromium writes its user agent there ("HeadlessChrome…") and
 * offers no option to change it, so the document information dictionary is replaced by an
 * incremental update (PDF 32000-1 §7.5.6): the bytes Chromium wrote stay as they are, and a new Info
 * object, cross-reference section and trailer are appended.
 */

type Entry = { key: string; value: string };

/** The PDF with `creator` as its Creator; unchanged when it has no classic trailer to extend. */
export function withPdfCreator(pdf: Buffer, creator: string): Buffer {
  const tail = pdf.subarray(Math.max(0, pdf.length - 2048)).toString('latin1');
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailerAt = tail.lastIndexOf('trailer');
  if (!end || trailerAt < 0 || trailerAt > end.index) return pdf;
  const trailer = tail.slice(trailerAt, end.index);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer);
  if (!size || !root) return pdf;
  const info = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer);

  const number = info ? Number(info[1]) : Number(size[1]);
  const generation = info ? Number(info[2]) : 0;
  const entries = (info ? readInfo(pdf.toString('latin1'), number, generation) : []).filter((e) => e.key !== 'Creator');
  entries.push({ key: 'Creator', value: pdfString(creator) });

  const body = `\n${number} ${generation} obj\n<<${entries.map((e) => `/${e.key} ${e.value}`).join('\n')}>>\nendobj\n`;
  const objectOffset = pdf.length + 1;
  const xrefOffset = pdf.length + Buffer.byteLength(body, 'latin1');
  const newSize = Math.max(Number(size[1]), number + 1);
  const update =
    body +
    `xref\n${number} 1\n${String(objectOffset).padStart(10, '0')} ${String(generation).padStart(5, '0')} n \n` +
    `trailer\n<</Size ${newSize}\n/Root ${root[1]}\n/Info ${number} ${generation} R${id ? `\n/ID ${id[1]}` : ''}\n/Prev ${end[1]}>>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

/** A PDF text string: literal for printable ASCII, UTF-16BE hex otherwise. */
function pdfString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}

/** The entries of the Info dictionary `number generation obj << … >>`, values as written. */
function readInfo(pdf: string, number: number, generation: number): Entry[] {
  const start = new RegExp(`(?:^|[\\s>])${number}\\s+${generation}\\s+obj\\s*<<`).exec(pdf);
  if (!start) return [];
  const entries: Entry[] = [];
  let i = start.index + start[0].length;
  const skipSpace = () => {
    while (i < pdf.length && /\s/.test(pdf[i]!)) i++;
  };
  for (;;) {
    skipSpace();
    if (pdf.startsWith('>>', i) || pdf[i] !== '/') return entries;
    const key = /^\/([^\s/<>()[\]{}%]+)/.exec(pdf.slice(i, i + 128));
    if (!key) return entries;
    i += key[0].length;
    skipSpace();
    const from = i;
    if (pdf[i] === '(') {
      // A literal string: escapes and balanced parentheses.
      let depth = 0;
      for (; i < pdf.length; i++) {
        const c = pdf[i];
        if (c === '\\') i++;
        else if (c === '(') depth++;
        else if (c === ')' && --depth === 0) break;
      }
      i++;
    } else if (pdf[i] === '<') {
      i = pdf.indexOf('>', i) + 1;
      if (i === 0) return entries;
    } else {
      while (i < pdf.length && !/[\s/>]/.test(pdf[i]!)) i++;
    }
    entries.push({ key: key[1]!, value: pdf.slice(from, i) });
  }
}
