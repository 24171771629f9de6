/**
 * Looks inside a zip archive before any parser does. A .docx is a zip, and a few hundred
 * kilobytes of zip can unpack to gigabytes: the central directory is read with a small linear
 * reader, every entry's declared size, the total and the packing ratio are capped, and each
 * entry is then really inflated (never past its cap), because declared sizes can lie.
 */
import zlib from 'node:zlib';

export type ZipLimits = {
  maxEntries: number;
  /** The most one entry may unpack to; `entryLimit` can set a lower cap per entry name. */
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Unpacked ÷ packed size above which an entry is treated as a bomb… */
  maxRatio: number;
  /** …once it unpacks to more than this (small entries compress as they like). */
  ratioFloorBytes: number;
  entryLimit?: (name: string) => number;
};

export type ZipEntry = { name: string; method: number; packedSize: number; size: number; dataStart: number };

export type ZipProblem =
  | { kind: 'damaged'; detail: string }
  | { kind: 'too-many-entries'; count: number; limit: number }
  | { kind: 'entry-too-large'; entry: string; bytes: number; limit: number; declared: boolean }
  | { kind: 'total-too-large'; bytes: number; limit: number }
  | { kind: 'ratio'; entry: string; ratio: number; limit: number };

export type ZipCheck = { ok: true; entries: ZipEntry[] } | { ok: false; problem: ZipProblem };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

const damaged = (detail: string): ZipCheck => ({ ok: false, problem: { kind: 'damaged', detail } });

/** The entries the central directory lists, with where each one's data starts. */
export function listZipEntries(bytes: Uint8Array, maxEntries: number): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let eocd = -1;
  for (let at = bytes.length - EOCD_SIZE; at >= Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return damaged('no end of central directory');
  const count = u16(eocd + 10);
  const size = u32(eocd + 12);
  const offset = u32(eocd + 16);
  // Zip64 markers: no Word file an article could hold needs them.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return damaged('zip64 archive');
  if (count > maxEntries) return { ok: false, problem: { kind: 'too-many-entries', count, limit: maxEntries } };
  if (offset + size > eocd) return damaged('central directory out of bounds');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || u32(at) !== CENTRAL) return damaged('bad central directory entry');
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const packedSize = u32(at + 20);
    const unpacked = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    const local = u32(at + 42);
    if (next > offset + size) return damaged('bad central directory entry');
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength).toString('utf8');
    if (flags & 1) return damaged(`${name} is encrypted`);
    if (packedSize === 0xffffffff || unpacked === 0xffffffff || local === 0xffffffff) return damaged('zip64 entry');
    if (local + 30 > offset || u32(local) !== LOCAL) return damaged(`bad local header for ${name}`);
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
    if (dataStart + packedSize > offset) return damaged(`${name} runs past the archive`);
    entries.push({ name, method, packedSize, size: unpacked, dataStart });
    at = next;
  }
  return { ok: true, entries };
}

/** One entry's bytes, refusing (throwing ERR_BUFFER_TOO_LARGE) past `maxBytes`. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Buffer {
  const packed = Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataStart, entry.packedSize);
  if (entry.method === 0) return packed;
  if (entry.method !== 8) throw new Error(`${entry.name} uses compression method ${entry.method}`);
  return zlib.inflateRawSync(packed, { maxOutputLength: Math.max(1, maxBytes) });
}

const tooLarge = (error: unknown) => (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';

/** Lists the entries and proves each one unpacks within the limits; nothing is kept in memory. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits): ZipCheck {
  const listed = listZipEntries(bytes, limits.maxEntries);
  if (!listed.ok) return listed;
  const capOf = (name: string) => Math.min(limits.maxEntryBytes, limits.entryLimit?.(name) ?? Infinity);
  let declaredTotal = 0;
  for (const entry of listed.entries) {
    const cap = capOf(entry.name);
    if (entry.size > cap) return { ok: false, problem: { kind: 'entry-too-large', entry: entry.name, bytes: entry.size, limit: cap, declared: true } };
    declaredTotal += entry.size;
  }
  if (declaredTotal > limits.maxTotalBytes) return { ok: false, problem: { kind: 'total-too-large', bytes: declaredTotal, limit: limits.maxTotalBytes } };
  let total = 0;
  for (const entry of listed.entries) {
    const cap = capOf(entry.name);
    let real: number;
    try {
      // One byte past the cap tells "too large" from "exactly at the cap".
      real = inflateEntry(bytes, entry, cap + 1).length;
    } catch (error) {
      if (tooLarge(error)) return { ok: false, problem: { kind: 'entry-too-large', entry: entry.name, bytes: cap + 1, limit: cap, declared: false } };
      return damaged(`${entry.name} cannot be unpacked`);
    }
    if (real > cap) return { ok: false, problem: { kind: 'entry-too-large', entry: entry.name, bytes: real, limit: cap, declared: false } };
    if (real !== entry.size) return damaged(`${entry.name} unpacks to ${real} bytes, not the ${entry.size} it declares`);
    total += real;
    if (total > limits.maxTotalBytes) return { ok: false, problem: { kind: 'total-too-large', bytes: total, limit: limits.maxTotalBytes } };
    const ratio = real / Math.max(1, entry.packedSize);
    if (real > limits.ratioFloorBytes && ratio > limits.maxRatio)
      return { ok: false, problem: { kind: 'ratio', entry: entry.name, ratio, limit: limits.maxRatio } };
  }
  return listed;
}
