/**
 * Generators for hostile and large zip archives, built on the fly (nothing huge is committed).
 * An entry can repeat a unit millions of times: each 1 MB stretch is deflated once with a full
 * flush (independent, byte-aligned blocks) and the packed stretch is repeated, so a 300 MB entry
 * costs a few hundred milliseconds and about 1 MB of memory to make.
 */
import zlib from 'node:zlib';
import { inflateEntry, listZipEntries } from '../zipCheck';

export type ZipEntrySpec = {
  name: string;
  /** Literal content, or `prefix + unit × times + suffix`. */
  data?: Uint8Array | string;
  repeat?: { prefix?: string; unit: string; times: number; suffix?: string };
  /** Lie in the headers: claim this unpacked size instead of the real one. */
  declaredSize?: number;
  /** Store instead of deflating. */
  stored?: boolean;
};

const STRETCH_BYTES = 1024 * 1024;
const flushed = (data: Uint8Array) => zlib.deflateRawSync(data, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });

type Packed = { packed: Buffer; size: number; crc: number; method: number };

function pack(spec: ZipEntrySpec): Packed {
  if (spec.repeat) {
    const { prefix = '', unit, times, suffix = '' } = spec.repeat;
    const unitBytes = Buffer.from(unit);
    const perStretch = Math.max(1, Math.floor(STRETCH_BYTES / unitBytes.length));
    const stretch = Buffer.from(unit.repeat(perStretch));
    const packedStretch = flushed(stretch);
    const parts: Buffer[] = [flushed(Buffer.from(prefix))];
    let crc = zlib.crc32(prefix);
    let left = times;
    for (; left >= perStretch; left -= perStretch) {
      parts.push(packedStretch);
      crc = zlib.crc32(stretch, crc);
    }
    const tail = Buffer.from(unit.repeat(left) + suffix);
    parts.push(flushed(tail), zlib.deflateRawSync(Buffer.alloc(0)));
    crc = zlib.crc32(tail, crc);
    const size = Buffer.byteLength(prefix) + unitBytes.length * times + Buffer.byteLength(suffix);
    return { packed: Buffer.concat(parts), size, crc, method: 8 };
  }
  const data = typeof spec.data === 'string' ? Buffer.from(spec.data) : Buffer.from(spec.data ?? new Uint8Array());
  if (spec.stored) return { packed: data, size: data.length, crc: zlib.crc32(data), method: 0 };
  return { packed: zlib.deflateRawSync(data, { level: 9 }), size: data.length, crc: zlib.crc32(data), method: 8 };
}

/** A zip archive (no data descriptors, no zip64) of the given entries. */
export function buildZip(specs: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const { packed, size, crc, method } = pack(spec);
    const name = Buffer.from(spec.name);
    const declared = spec.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(specs.length, 8);
  end.writeUInt16LE(specs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Every entry of an archive, unpacked (for rewriting small test files). */
export function readZip(bytes: Uint8Array): { name: string; data: Buffer }[] {
  const listed = listZipEntries(bytes, 10_000);
  if (!listed.ok) throw new Error(`not a readable zip: ${JSON.stringify(listed.problem)}`);
  return listed.entries.map((e) => ({ name: e.name, data: inflateEntry(bytes, e, 256 * 1024 * 1024) }));
}

// ---- Word files ---------------------------------------------------------------------------------

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
export const DOCUMENT_START = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>`;
export const DOCUMENT_END = '</w:body></w:document>';

/** A minimal .docx whose word/document.xml is given (as literal XML or a repeat). */
export function wordFile(document: Omit<ZipEntrySpec, 'name'>, extra: readonly ZipEntrySpec[] = []): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'word/document.xml', ...document },
    ...extra,
  ]);
}

/** 16.7 million empty paragraphs (100 MB of XML) in about 100 KB: the bomb from issue 10. */
export const emptyParagraphsBomb = (paragraphs = 16_777_216) =>
  wordFile({ repeat: { prefix: DOCUMENT_START, unit: '<w:p/>', times: paragraphs, suffix: DOCUMENT_END } });

/** One paragraph holding one text run of `megabytes` MB. */
export const oneHugeRunBomb = (megabytes: number) =>
  wordFile({ repeat: { prefix: `${DOCUMENT_START}<w:p><w:r><w:t>`, unit: 'a', times: megabytes * 1024 * 1024, suffix: `</w:t></w:r></w:p>${DOCUMENT_END}` } });

/** The same bomb with headers that claim a tiny document (declared sizes lie). */
export const lyingBomb = (paragraphs = 16_777_216) =>
  wordFile({ repeat: { prefix: DOCUMENT_START, unit: '<w:p/>', times: paragraphs, suffix: DOCUMENT_END }, declaredSize: 4_096 });

/** Ordinary paragraphs of prose, `paragraphs` of them. */
export function prose(paragraphs: number, sentence: (i: number) => string): string {
  let xml = DOCUMENT_START;
  for (let i = 0; i < paragraphs; i++) xml += `<w:p><w:r><w:t xml:space="preserve">${sentence(i)}</w:t></w:r></w:p>`;
  return xml + DOCUMENT_END;
}

/** Deterministic prose that packs like real text (3–5 times), `bytes` long. */
export function plainProse(bytes: number): string {
  const vocabulary =
    'the council voted on thursday to fund a movable flood barrier across inner port after decade of argument over how protect old town from storm surges residents said harbour had flooded three winters in row'.split(
      ' ',
    );
  const out: string[] = [];
  let length = 0;
  for (let x = 7; length < bytes;) {
    x = (x * 1103515245 + 12345) >>> 0;
    const word = vocabulary[x % vocabulary.length]!;
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ').slice(0, bytes);
}

/**
 * A Word file that is slow to read but yields a modest article: every word is its own bold run, so
 * the XML is ten times the text. `words` words of realistic prose.
 */
export function wordPerRunDocument(words: number, wordsPerParagraph = 60): Buffer {
  const vocabulary =
    'the council voted on thursday to fund a movable flood barrier across inner port after decade of argument over how protect old town from storm surges'.split(
      ' ',
    );
  let xml = DOCUMENT_START;
  let x = 12345;
  for (let i = 0; i < words; i += wordsPerParagraph) {
    xml += '<w:p>';
    for (let k = 0; k < wordsPerParagraph; k++) {
      x = (x * 1103515245 + 12345) >>> 0;
      xml += `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${vocabulary[x % vocabulary.length]} </w:t></w:r>`;
    }
    xml += '</w:p>';
  }
  return wordFile({ data: xml + DOCUMENT_END });
}

/**
 * The "better zip bomb": one packed stretch of data that `entries` directory records all point at,
 * so every entry is small and honest while the archive as a whole unpacks `entries` times over.
 */
export function overlappingBomb(entries: number, data: Uint8Array): Buffer {
  const single = buildZip([{ name: 'word/document.xml', data }]);
  const centralStart = single.readUInt32LE(single.length - 6);
  const local = single.subarray(0, centralStart);
  const record = single.subarray(centralStart, single.length - 22);
  const records: Buffer[] = [];
  for (let i = 0; i < entries; i++) {
    const name = Buffer.from(`word/part${String(i).padStart(5, '0')}.xml`);
    const copy = Buffer.concat([record.subarray(0, 46), name]);
    copy.writeUInt16LE(name.length, 28);
    records.push(copy);
  }
  const directory = Buffer.concat(records);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(local.length, 16);
  return Buffer.concat([local, directory, end]);
}
