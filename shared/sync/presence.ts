/**
 * Presence: who else has an article open, in their colour, and where their cursor is. It travels as
 * Yjs awareness (the server relays it and checks the name, server/src/collab/newsroomExtension.ts);
 * cursors are Yjs relative positions, which stay on the same characters while others type.
 * What arrives from other desks is checked here before the desk shows it.
 */
import { z } from 'zod';

const itemId = z.object({ client: z.number().int().min(0), clock: z.number().int().min(0) }).strict();

/** `Y.relativePositionToJSON` of a point in the article's body. */
export const relativePositionSchema = z
  .object({
    type: itemId.nullable().optional(),
    tname: z.string().max(100).nullable().optional(),
    item: itemId.nullable().optional(),
    assoc: z.number().int().min(-1).max(1).optional(),
  })
  .strict();
export type RelativePositionJson = z.infer<typeof relativePositionSchema>;

export const cursorSchema = z.object({ anchor: relativePositionSchema, head: relativePositionSchema }).strict();
export type PresenceCursor = z.infer<typeof cursorSchema>;

/** What one desk says of itself in the article's awareness. */
export const presenceStateSchema = z.object({
  user: z.object({ name: z.string().min(1).max(200), color: z.string().regex(/^#[0-9a-f]{6}$/) }),
  cursor: cursorSchema.nullable().optional(),
});

export type Peer = { clientId: number; name: string; color: string; cursor?: PresenceCursor };

/** Colours with at least 4.5:1 against white (names are written in white on them) and on white (carets). */
export const PRESENCE_COLORS = ['#b3261e', '#1b6e20', '#0b57d0', '#7b1fa2', '#8d4e00', '#006a6a', '#a0245c', '#4a5568'] as const;

/** The same colour for an account on every desk. */
export function presenceColor(accountId: string): string {
  let hash = 0;
  for (let i = 0; i < accountId.length; i++) hash = (hash * 31 + accountId.charCodeAt(i)) >>> 0;
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length]!;
}

/** Initials for the name chips: "Tomas Okafor" → "TO". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts;
  return letters.map((p) => [...p][0]!.toUpperCase()).join('') || '?';
}
