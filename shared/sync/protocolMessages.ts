/**
 * Reads just enough of a Hocuspocus message to judge it before Hocuspocus applies it (the server
 * checks what desks send, the desk what the server sends):
 * which document, which kind, and for a sync message carrying changes, the Yjs update itself.
 * The wire format is lib0's: variable-length unsigned integers and length-prefixed bytes.
 */

/** Message kinds of the Hocuspocus 3 protocol (`MessageType` in @hocuspocus/server). */
export const MESSAGE = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  SyncReply: 4,
  Stateless: 5,
  BroadcastStateless: 6,
  Close: 7,
  SyncStatus: 8,
} as const;
/** Sub-kinds of a sync message (y-protocols/sync). */
export const SYNC = { Step1: 0, Step2: 1, Update: 2 } as const;

export type InspectedMessage = { documentName: string; type: number; syncType?: number; update?: Uint8Array; awareness?: Uint8Array };

class Reader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  varUint(): number {
    let value = 0;
    for (let shift = 0; shift < 53; shift += 7) {
      const byte = this.bytes[this.pos++];
      if (byte === undefined) throw new Error('The message ends early.');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new Error('The message has a number that is too long.');
  }

  bytesOf(): Uint8Array {
    const length = this.varUint();
    if (this.pos + length > this.bytes.length) throw new Error('The message ends early.');
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  string(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.bytesOf());
  }
}

/** Throws with a sentence when the message is not even well-formed at this level. */
export function inspectMessage(data: Uint8Array): InspectedMessage {
  const reader = new Reader(data);
  const documentName = reader.string();
  const type = reader.varUint();
  if (type === MESSAGE.Awareness) return { documentName, type, awareness: reader.bytesOf() };
  if (type !== MESSAGE.Sync && type !== MESSAGE.SyncReply) return { documentName, type };
  const syncType = reader.varUint();
  if (syncType === SYNC.Step2 || syncType === SYNC.Update) return { documentName, type, syncType, update: reader.bytesOf() };
  return { documentName, type, syncType };
}

/** One desk's presence in an awareness update (y-protocols/awareness): its client, clock and state (null: gone). */
export type AwarenessEntry = { clientId: number; clock: number; state: unknown };

/** An awareness update's entries; throws with a sentence when it does not read. */
export function awarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const reader = new Reader(update);
  const count = reader.varUint();
  if (count > 100) throw new Error('The presence update names too many desks.');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = reader.varUint();
    const clock = reader.varUint();
    const text = reader.string();
    let state: unknown;
    try {
      state = JSON.parse(text);
    } catch {
      throw new Error('The presence update does not read.');
    }
    entries.push({ clientId, clock, state });
  }
  return entries;
}
