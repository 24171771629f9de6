/**
 * Tracked changes and comments of a Word file, which mammoth drops. Rather than read paragraphs and
 * runs a second way, the document part is rewritten in one streaming pass before mammoth sees it:
 * each change and comment range becomes a marker run (private-use characters around a kind letter
 * and a number) at the place it starts and ends, deleted text becomes ordinary text between its
 * markers, and the revision elements themselves are dropped. Mammoth then converts headings, lists,
 * marks, links and images as for any Word file, and `shared/exchange/wordChanges` turns the markers
 * left in the body's text back into suggestions and comment anchors.
 *
 * Linear: htmlparser2 in XML mode, one pass, output kept as a list of strings joined once.
 */
import zlib from 'node:zlib';
import { Parser } from 'htmlparser2';
import { MARKER_END, MARKER_START, type WordComment, type WordRevision } from '../../../shared/exchange/wordChanges';
import type { Mark } from '../../../shared/model/document';
import { inflateEntry, type ZipEntry } from './zipCheck';

export type TrackedDocx = {
  /** The file to give mammoth: the same parts, the document part with markers. */
  bytes: Uint8Array;
  revisions: WordRevision[];
  comments: WordComment[];
  /** Paragraph marks Word has as deleted (two paragraphs joined): the desk keeps them apart. */
};

/** Cheap test on the raw XML: only files with changes or comments take the rewriting path. */
const TRACKED = /<w:(ins|del|moveFrom|moveTo|rPrChange|pPrChange|commentRangeStart|commentReference)[\s/>]/;

/** Where Word puts run-level revisions (anything else, such as a table row's, is left as it is). */
const RUN_CONTAINERS = new Set(['w:p', 'w:hyperlink', 'w:smartTag', 'w:sdtContent', 'w:fldSimple', 'w:customXml']);
const INSERTS = new Set(['w:ins', 'w:moveTo']);
const DELETES = new Set(['w:del', 'w:moveFrom']);

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string) => escapeText(text).replace(/"/g, '&quot;');
const markerRun = (kind: string, n: number | string) => `<w:r><w:t>${MARKER_START}${kind}${n}${MARKER_END}</w:t></w:r>`;
const STRAY_MARKERS = new RegExp(`[${MARKER_START}${MARKER_END}]`, 'g');

/** A run property's value is off when Word writes `false`, `0` or `none`. */
const isOn = (attribs: Record<string, string>) => !['false', '0', 'off', 'none'].includes(attribs['w:val'] ?? 'true');

type Paragraph = { slot: number; insBreak?: number; delBreak?: number; restyle?: number };
type Capture = { kind: 'fmt'; marks: Set<Mark> } | { kind: 'restyle'; style: string; numbered: boolean; depth: number };

/** The document part with markers, and what each marker stands for. */
export function markDocumentXml(xml: string): { xml: string; revisions: WordRevision[] } {
  const out: string[] = [];
  const revisions: WordRevision[] = [];
  const stack: string[] = [];
  const paragraphs: Paragraph[] = [];
  /** Per open element: the marker to write when it closes, or `skip` for an element dropped with its content. */
  const closers: Array<string | undefined> = [];
  let skipDepth = 0;
  let capture: Capture | undefined;
  let pendingBreak: number | undefined;
  /** Open runs: where a suggested format change's start marker goes, and its number once seen. */
  const runs: Array<{ slot: number; format?: number }> = [];
  // A deleted paragraph mark joins the next paragraph to this one: the next one carries it.
  let pendingJoin: number | undefined;

  const revision = (kind: WordRevision['kind'], attribs: Record<string, string>, before?: WordRevision['before']) => {
    revisions.push({ kind, author: attribs['w:author'] ?? '', date: attribs['w:date'] ?? '', ...(before === undefined ? {} : { before }) });
    return revisions.length - 1;
  };

  const parser = new Parser(
    {
      onprocessinginstruction(_name, data) {
        if (!skipDepth) out.push(`<${data}>`);
      },
      onopentag(name, attribs) {
        const parent = stack[stack.length - 1] ?? '';
        const grandparent = stack[stack.length - 2] ?? '';
        stack.push(name);
        if (skipDepth) {
          skipDepth++;
          if (capture?.kind === 'fmt') {
            if (name === 'w:b' && isOn(attribs)) capture.marks.add('bold');
            if (name === 'w:i' && isOn(attribs)) capture.marks.add('italic');
            if (name === 'w:u' && isOn(attribs)) capture.marks.add('underline');
            if (name === 'w:strike' && isOn(attribs)) capture.marks.add('strikethrough');
            if (name === 'w:vertAlign' && attribs['w:val'] === 'superscript') capture.marks.add('superscript');
            if (name === 'w:vertAlign' && attribs['w:val'] === 'subscript') capture.marks.add('subscript');
          } else if (capture?.kind === 'restyle') {
            if (name === 'w:pStyle') capture.style = attribs['w:val'] ?? '';
            if (name === 'w:numPr') capture.numbered = true;
            if (name === 'w:ilvl') capture.depth = Number(attribs['w:val']) || 0;
          }
          closers.push(undefined);
          return;
        }
        if ((INSERTS.has(name) || DELETES.has(name)) && parent === 'w:rPr') {
          // The paragraph mark's own revision: an inserted one splits off the next paragraph, a deleted one joins it.
          if (grandparent === 'w:pPr' && INSERTS.has(name)) pendingBreak = revision('break', attribs);
          else if (grandparent === 'w:pPr') pendingJoin = revision('join', attribs);
          skipDepth = 1;
          closers.push(undefined);
          return;
        }
        if ((INSERTS.has(name) || DELETES.has(name)) && RUN_CONTAINERS.has(parent)) {
          const kind = INSERTS.has(name) ? 'ins' : 'del';
          const n = revision(kind, attribs);
          out.push(markerRun(kind === 'ins' ? 'i' : 'd', n));
          closers.push(markerRun(kind === 'ins' ? 'I' : 'D', n));
          return;
        }
        if (name === 'w:rPrChange' && parent === 'w:rPr' && grandparent === 'w:r') {
          const run = runs[runs.length - 1];
          if (run) run.format = revision('fmt', attribs);
          capture = { kind: 'fmt', marks: new Set() };
          skipDepth = 1;
          closers.push(undefined);
          return;
        }
        if (name === 'w:pPrChange' && parent === 'w:pPr') {
          const n = revision('restyle', attribs);
          const paragraph = paragraphs[paragraphs.length - 1];
          if (paragraph) paragraph.restyle = n;
          capture = { kind: 'restyle', style: '', numbered: false, depth: 0 };
          skipDepth = 1;
          closers.push(undefined);
          return;
        }
        if (name === 'w:commentRangeStart' || name === 'w:commentRangeEnd') {
          const id = attribs['w:id'] ?? '';
          if (/^\d{1,9}$/.test(id)) out.push(markerRun(name === 'w:commentRangeStart' ? 'c' : 'C', id));
          skipDepth = 1;
          closers.push(undefined);
          return;
        }
        if (name === 'w:r') {
          runs.push({ slot: out.length });
          out.push('');
        }
        const tag = name === 'w:delText' ? 'w:t' : name;
        let open = `<${tag}`;
        for (const [key, value] of Object.entries(attribs)) open += ` ${key}="${escapeAttr(value)}"`;
        out.push(`${open}>`);
        if (name === 'w:p') {
          paragraphs.push({
            slot: out.length,
            ...(pendingBreak === undefined ? {} : { insBreak: pendingBreak }),
            ...(pendingJoin === undefined ? {} : { delBreak: pendingJoin }),
          });
          pendingBreak = undefined;
          pendingJoin = undefined;
          out.push('');
        }
        closers.push(undefined);
      },
      ontext(text) {
        if (!skipDepth) out.push(escapeText(text.replace(STRAY_MARKERS, '')));
      },
      onclosetag(name) {
        stack.pop();
        const closer = closers.pop();
        if (skipDepth) {
          skipDepth--;
          if (skipDepth === 0 && capture) {
            const last = revisions[revisions.length - 1]!;
            if (capture.kind === 'fmt') last.before = [...capture.marks];
            else last.before = { style: capture.style, numbered: capture.numbered, depth: capture.depth };
            capture = undefined;
          }
          return;
        }
        if (closer !== undefined) {
          out.push(closer);
          return;
        }
        if (name === 'w:pPr' && stack[stack.length - 1] === 'w:p') {
          // Paragraph markers go after the properties, where runs may start.
          const paragraph = paragraphs[paragraphs.length - 1];
          if (paragraph) {
            paragraph.slot = out.length + 1;
            out.push('</w:pPr>', '');
            return;
          }
        }
        if (name === 'w:p') {
          const paragraph = paragraphs.pop();
          if (paragraph) {
            out[paragraph.slot] =
              (paragraph.insBreak === undefined ? '' : markerRun('b', paragraph.insBreak)) +
              (paragraph.delBreak === undefined ? '' : markerRun('j', paragraph.delBreak)) +
              (paragraph.restyle === undefined ? '' : markerRun('r', paragraph.restyle));
          }
        }
        out.push(`</${name === 'w:delText' ? 'w:t' : name}>`);
        const run = name === 'w:r' ? runs.pop() : undefined;
        if (run?.format !== undefined) {
          out[run.slot] = markerRun('f', run.format);
          out.push(markerRun('F', run.format));
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return { xml: out.join(''), revisions };
}

/** The comments of comments.xml with their threading from commentsExtended.xml (replies, resolved). */
export function readComments(commentsXml: string | undefined, extendedXml: string | undefined): WordComment[] {
  if (!commentsXml) return [];
  const comments: Array<WordComment & { paraId: string }> = [];
  let current: (WordComment & { paras: string[]; paraId: string }) | undefined;
  let inText = false;
  const byParaId = new Map<string, WordComment & { paraId: string }>();
  new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'w:comment') {
          current = { id: attribs['w:id'] ?? '', author: attribs['w:author'] ?? '', date: attribs['w:date'] ?? '', text: '', paras: [], paraId: '' };
        } else if (current && name === 'w:p') {
          current.paras.push('');
          if (attribs['w14:paraId']) current.paraId = attribs['w14:paraId'];
        } else if (current && name === 'w:t') inText = true;
        else if (current && (name === 'w:br' || name === 'w:tab') && current.paras.length) {
          current.paras[current.paras.length - 1] += name === 'w:br' ? '\n' : '\t';
        }
      },
      ontext(text) {
        if (current && inText && current.paras.length) current.paras[current.paras.length - 1] += text;
      },
      onclosetag(name) {
        if (name === 'w:t') inText = false;
        if (name === 'w:comment' && current) {
          const { paras, paraId, ...comment } = current;
          const done = { ...comment, text: paras.join('\n').trim(), paraId };
          comments.push(done);
          if (paraId) byParaId.set(paraId, done);
          current = undefined;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  ).end(commentsXml);
  if (extendedXml) {
    new Parser(
      {
        onopentag(name, attribs) {
          if (name !== 'w15:commentEx') return;
          const comment = byParaId.get(attribs['w15:paraId'] ?? '');
          if (!comment) return;
          const parent = byParaId.get(attribs['w15:paraIdParent'] ?? '');
          if (parent && parent !== comment) comment.parentId = parent.id;
          if (attribs['w15:done'] === '1') comment.done = true;
        },
      },
      { xmlMode: true },
    ).end(extendedXml);
  }
  return comments.map(({ paraId: _paraId, ...comment }) => comment);
}

/** A zip of `parts`, stored uncompressed (it only lives until mammoth has read it). */
function storedZip(parts: ReadonlyArray<{ name: string; data: Uint8Array }>): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}

/**
 * The file's tracked changes and comments, with the file rewritten for mammoth; undefined when it
 * has neither (mammoth then reads the file as it is). `entries` come from the zip check, which has
 * already proved that each one unpacks within `maxBytes(name)`.
 */
export function readTrackedDocx(bytes: Uint8Array, entries: readonly ZipEntry[], maxBytes: (name: string) => number): TrackedDocx | undefined {
  const part = (name: string) => {
    const entry = entries.find((e) => e.name === name);
    return entry ? inflateEntry(bytes, entry, maxBytes(name)) : undefined;
  };
  const document = part('word/document.xml')?.toString('utf8');
  if (!document || !TRACKED.test(document)) return undefined;
  const marked = markDocumentXml(document);
  const comments = readComments(part('word/comments.xml')?.toString('utf8'), part('word/commentsExtended.xml')?.toString('utf8'));
  const parts = entries.map((entry) => ({
    name: entry.name,
    data: entry.name === 'word/document.xml' ? Buffer.from(marked.xml, 'utf8') : inflateEntry(bytes, entry, maxBytes(entry.name)),
  }));
  return { bytes: storedZip(parts), revisions: marked.revisions, comments };
}
