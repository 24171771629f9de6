/**
 * Comments of a newsroom article, kept in its Yjs document so they sync, merge and stay offline with
 * the text they are about. The root map `comments` is append-only, one entry per event, each under a
 * new key written once by its author:
 *
 * - `t:<threadId>`  a thread: where it is (Yjs relative positions in the body, which stay on the same
 *                   characters while anyone types), the quoted text and its first message; a thread
 *                   that answers a suggestion (tracked change) carries the suggestion's id;
 * - `m:<messageId>` a reply to a thread;
 * - `s:<eventId>`   a thread resolved or reopened (the latest by time wins).
 *
 * An entry imported from a file (a Word comment by "Jane Lawyer") is written under the account that
 * imports it, as every entry is, and names the file's author in `importedAuthor`; readers show that
 * name. The server's check stays whole: no account writes under another account's name, and an
 * imported comment says who brought it in.
 *
 * Because every entry is new and never changed or deleted, a Yjs update names each entry's key and
 * holds its whole value: the server checks from the update alone that each entry is well formed and
 * written under the name of the account that sends it (`commentEntryProblem`), and refuses any
 * change or deletion of an existing entry (`commentChangeProblem`, against its copy of the document).
 */
import * as Y from 'yjs';
import { z } from 'zod';
import type { CommentMessage } from '../model/review';
import { relativePositionSchema, type RelativePositionJson } from './presence';

export const COMMENTS_KEY = 'comments';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEY = /^([tms]):([0-9a-f-]{36})$/;

export const COMMENT_TEXT_MAX = 5000;
const QUOTE_MAX = 2000;
/** As the body's suggestion keys allow (shared/model/suggestions.ts). */
const SUGGESTION_ID_MAX = 100;

export type CommentAuthor = { id: string; name: string; role: 'writer' | 'editor' };

const by = {
  authorId: z.string().min(1).max(100),
  authorName: z.string().min(1).max(200),
  role: z.enum(['writer', 'editor']),
  at: z.iso.datetime(),
  /** The author named in an imported file; the entry itself is the importing account's. */
  importedAuthor: z.string().min(1).max(200).optional(),
};
const text = z.string().trim().min(1).max(COMMENT_TEXT_MAX);

const threadEntry = z
  .object({
    ...by,
    start: relativePositionSchema,
    end: relativePositionSchema,
    quote: z.string().min(1).max(QUOTE_MAX),
    text,
    suggestionId: z.string().min(1).max(SUGGESTION_ID_MAX).optional(),
  })
  .strict();
const messageEntry = z.object({ ...by, threadId: z.string().regex(uuid), text }).strict();
const statusEntry = z.object({ ...by, threadId: z.string().regex(uuid), resolved: z.boolean() }).strict();

type ThreadEntry = z.infer<typeof threadEntry>;
type MessageEntry = z.infer<typeof messageEntry>;
type StatusEntry = z.infer<typeof statusEntry>;

/** A thread as the document holds it; the desk turns `start`/`end` into a range of its editor. */
export type SyncedThread = {
  id: string;
  start: RelativePositionJson;
  end: RelativePositionJson;
  quote: string;
  createdAt: string;
  resolved: boolean;
  resolvedBy: string;
  resolvedAt: string;
  messages: CommentMessage[];
  /** The suggestion this thread answers, when it does. */
  suggestionId?: string;
};

export const commentsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(COMMENTS_KEY);

/** Why one entry may not be written by `author`, or undefined when it may. */
export function commentEntryProblem(key: string, value: unknown, author: CommentAuthor | undefined): string | undefined {
  const kind = KEY.exec(key)?.[1];
  if (!kind) return 'The update writes a comment under a key comments do not have: it was refused and nothing was stored.';
  const schema = kind === 't' ? threadEntry : kind === 'm' ? messageEntry : statusEntry;
  const parsed = schema.safeParse(value);
  if (!parsed.success) return 'The update holds a comment that is not well formed: it was refused and nothing was stored.';
  if (!author) return 'Comments are written by a signed-in account: the update was refused and nothing was stored.';
  const entry = parsed.data;
  // The role is not checked: it is the one the desk had when the comment was written, and an account
  // given another role meanwhile must still be able to send what it wrote offline.
  if (entry.authorId !== author.id || entry.authorName !== author.name) {
    return 'A comment must carry the name of the account that is signed in: the update was refused and nothing was stored.';
  }
  return undefined;
}

/** The item of `doc` with this id, when the doc has it. */
function itemOf(doc: Y.Doc, id: Y.ID): Y.Item | undefined {
  const structs = doc.store.clients.get(id.client);
  const last = structs?.[structs.length - 1];
  if (!structs || !last || id.clock >= last.id.clock + last.length) return undefined;
  const struct = structs[Y.findIndexSS(structs, id.clock)];
  return struct instanceof Y.Item ? struct : undefined;
}

/**
 * Why the update would change or remove an existing comment entry in `doc` (the receiver's copy), or
 * undefined. Entries are never deleted or replaced, so such an update can only be an attempt to
 * rewrite or remove someone's words. A replacement names the entry it replaces as its neighbour
 * (`origin`) instead of naming the map, which `updateProblem` cannot see from the update alone.
 */
export function commentChangeProblem(doc: Y.Doc, update: Uint8Array): string | undefined {
  const refused = 'Comments are never changed or removed once written: the update was refused and nothing was stored.';
  const { structs, ds } = Y.decodeUpdate(update);
  // Items of this update that write into the comments map (their parent named), to follow chains within it.
  const inUpdate = new Map<number, Array<{ clock: number; end: number; comments: boolean }>>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const list = inUpdate.get(struct.id.client) ?? [];
    list.push({ clock: struct.id.clock, end: struct.id.clock + struct.length, comments: (struct.parent as unknown) === COMMENTS_KEY });
    inUpdate.set(struct.id.client, list);
  }
  const map = doc.share.has(COMMENTS_KEY) ? commentsMap(doc) : undefined;
  const inComments = (id: Y.ID | null): boolean => {
    if (!id) return false;
    const own = inUpdate.get(id.client)?.find((r) => id.clock >= r.clock && id.clock < r.end);
    if (own) return own.comments;
    return map !== undefined && itemOf(doc, id)?.parent === map;
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || typeof struct.parent === 'string') continue;
    // A neighbour in the map: this item would replace an entry, or sit inside one.
    if (inComments(struct.origin) || inComments(struct.rightOrigin) || (struct.parent instanceof Y.ID && inComments(struct.parent))) return refused;
  }
  if (!map) return undefined;
  for (const [client, ranges] of ds.clients) {
    const list = doc.store.clients.get(client);
    const last = list?.[list.length - 1];
    if (!list || !last) continue;
    for (const { clock, len } of ranges) {
      if (clock >= last.id.clock + last.length) continue;
      for (let i = Y.findIndexSS(list, clock); i < list.length; i++) {
        const struct = list[i]!;
        if (struct.id.clock >= clock + len) break;
        if (struct instanceof Y.Item && struct.parent === map) return refused;
      }
    }
  }
  return undefined;
}

const newId = (): string => crypto.randomUUID();

/** The text as it is kept, or a sentence saying why it cannot be (checked before anything is written). */
function commentText(value: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw new Error('Write something before adding the comment.');
  if (trimmed.length > COMMENT_TEXT_MAX)
    throw new Error(`A comment holds at most ${COMMENT_TEXT_MAX.toLocaleString('en')} characters; shorten it or split it.`);
  return trimmed;
}
const nowIso = (): string => new Date().toISOString();

function stamp(author: CommentAuthor, at: string) {
  return { authorId: author.id, authorName: author.name, role: author.role, at };
}

/** Starts a thread on the text between two positions of the body; returns its id. */
export function addThread(
  doc: Y.Doc,
  input: { start: RelativePositionJson; end: RelativePositionJson; quote: string; text: string; suggestionId?: string | undefined },
  author: CommentAuthor,
  at: string = nowIso(),
): string {
  const id = newId();
  const entry: ThreadEntry = {
    ...stamp(author, at),
    start: input.start,
    end: input.end,
    quote: input.quote.slice(0, QUOTE_MAX),
    text: commentText(input.text),
    ...(input.suggestionId ? { suggestionId: input.suggestionId.slice(0, SUGGESTION_ID_MAX) } : {}),
  };
  commentsMap(doc).set(`t:${id}`, entry);
  return id;
}

export function addReply(doc: Y.Doc, threadId: string, replyText: string, author: CommentAuthor, at: string = nowIso()): void {
  const entry: MessageEntry = { ...stamp(author, at), threadId, text: commentText(replyText) };
  commentsMap(doc).set(`m:${newId()}`, entry);
}

export function setThreadResolved(doc: Y.Doc, threadId: string, resolved: boolean, author: CommentAuthor, at: string = nowIso()): void {
  const entry: StatusEntry = { ...stamp(author, at), threadId, resolved };
  commentsMap(doc).set(`s:${newId()}`, entry);
}

export type ImportedThread = {
  start: RelativePositionJson;
  end: RelativePositionJson;
  quote: string;
  /** The first is the thread's own; each names its author in the file and keeps the file's time. */
  messages: ReadonlyArray<{ by: string; role: 'writer' | 'editor'; text: string; at: string }>;
  /** Set when the file marks the thread done. */
  resolved?: { by: string; at: string } | undefined;
};

/** The file's text as an entry holds it: trimmed and cut at the limit (a file may hold longer comments than the desk writes). */
const importedText = (value: string): string => value.trim().slice(0, COMMENT_TEXT_MAX).trim();

/**
 * Writes a thread imported from a file, with its replies and whether it is done, in one transaction:
 * every entry under `importer` (the signed-in account), naming the file's author in `importedAuthor`.
 * Messages without text are left out; returns the thread's id, or undefined when none has text.
 */
export function addImportedThread(doc: Y.Doc, thread: ImportedThread, importer: CommentAuthor): string | undefined {
  const name = (by: string) => by.trim().slice(0, 200).trim();
  const messages = thread.messages.map((m) => ({ ...m, text: importedText(m.text), by: name(m.by) })).filter((m) => m.text && m.by);
  const [first, ...replies] = messages;
  if (!first) return undefined;
  const id = newId();
  const as = (m: { by: string; role: 'writer' | 'editor'; at: string }) => ({
    ...stamp({ ...importer, role: m.role }, m.at),
    importedAuthor: m.by,
  });
  doc.transact(() => {
    const map = commentsMap(doc);
    const entry: ThreadEntry = { ...as(first), start: thread.start, end: thread.end, quote: thread.quote.slice(0, QUOTE_MAX), text: first.text };
    map.set(`t:${id}`, entry);
    for (const r of replies) {
      const reply: MessageEntry = { ...as(r), threadId: id, text: r.text };
      map.set(`m:${newId()}`, reply);
    }
    if (thread.resolved) {
      const status: StatusEntry = {
        ...as({ by: name(thread.resolved.by) || first.by, role: first.role, at: thread.resolved.at }),
        threadId: id,
        resolved: true,
      };
      map.set(`s:${newId()}`, status);
    }
  });
  return id;
}

/** Later first by time, then by key, so every desk picks the same one when two agree on the time. */
const newer = (a: { at: string; key: string }, b: { at: string; key: string }) => (a.at === b.at ? a.key > b.key : a.at > b.at);

/** Every thread, oldest first, with its replies in order and whether it is resolved. Malformed entries are skipped. */
export function readThreads(doc: Y.Doc): SyncedThread[] {
  if (!doc.share.has(COMMENTS_KEY)) return [];
  const threads = new Map<string, SyncedThread>();
  const replies: Array<MessageEntry & { key: string }> = [];
  const statuses = new Map<string, StatusEntry & { key: string }>();
  for (const [key, value] of commentsMap(doc).entries()) {
    const match = KEY.exec(key);
    if (!match) continue;
    const [, kind, id] = match;
    if (kind === 't') {
      const parsed = threadEntry.safeParse(value);
      if (!parsed.success) continue;
      const t = parsed.data;
      threads.set(id!, {
        id: id!,
        start: t.start,
        end: t.end,
        quote: t.quote,
        createdAt: t.at,
        resolved: false,
        resolvedBy: '',
        resolvedAt: '',
        messages: [{ id: id!, by: t.importedAuthor ?? t.authorName, role: t.role, text: t.text, at: t.at }],
        ...(t.suggestionId ? { suggestionId: t.suggestionId } : {}),
      });
    } else if (kind === 'm') {
      const parsed = messageEntry.safeParse(value);
      if (parsed.success) replies.push({ ...parsed.data, key });
    } else {
      const parsed = statusEntry.safeParse(value);
      if (!parsed.success) continue;
      const seen = statuses.get(parsed.data.threadId);
      const next = { ...parsed.data, key };
      if (!seen || newer(next, seen)) statuses.set(parsed.data.threadId, next);
    }
  }
  replies.sort((a, b) => (a.at === b.at ? (a.key < b.key ? -1 : 1) : a.at < b.at ? -1 : 1));
  for (const r of replies)
    threads.get(r.threadId)?.messages.push({ id: r.key.slice(2), by: r.importedAuthor ?? r.authorName, role: r.role, text: r.text, at: r.at });
  for (const [threadId, s] of statuses) {
    const thread = threads.get(threadId);
    if (thread && s.resolved) Object.assign(thread, { resolved: true, resolvedBy: s.importedAuthor ?? s.authorName, resolvedAt: s.at });
  }
  return [...threads.values()].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
}

/** Threads not resolved: what the pre-export checklist counts. */
export function openThreadCount(doc: Y.Doc): number {
  return readThreads(doc).filter((t) => !t.resolved).length;
}

/**
 * Names written as `@Name` in a comment, among the newsroom's accounts. Longer names claim their
 * place first, so "@Ana Lima" mentions Ana Lima and not also an "Ana".
 */
export function mentionedNames(commentText: string, names: readonly string[]): string[] {
  const lower = commentText.toLowerCase();
  const claimed = new Set<number>();
  const found: string[] = [];
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const needle = `@${name.toLowerCase()}`;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      const after = lower[at + needle.length];
      const before = at === 0 ? '' : lower[at - 1]!;
      // A whole name: not the start of a longer word, not inside an e-mail address.
      if (claimed.has(at) || (after !== undefined && /[\p{L}\p{N}_]/u.test(after)) || /[\p{L}\p{N}_.]/u.test(before)) continue;
      claimed.add(at);
      found.push(name);
      break;
    }
  }
  return found;
}

export type NewCommentMessage = { threadId: string; messageId: string; authorId: string; text: string };

/**
 * The comment messages (threads' first messages and replies) an update adds that `doc` does not have
 * yet: what the server notifies mentions for, once. An update sent again adds nothing new.
 */
export function newCommentMessages(doc: Y.Doc, update: Uint8Array): NewCommentMessage[] {
  const out: NewCommentMessage[] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || (struct.parent as unknown) !== COMMENTS_KEY || !(struct.content instanceof Y.ContentAny)) continue;
    if (struct.id.clock < Y.getState(doc.store, struct.id.client)) continue;
    const match = KEY.exec(struct.parentSub ?? '');
    if (!match || match[1] === 's') continue;
    const value = struct.content.arr[0];
    const parsed = match[1] === 't' ? threadEntry.safeParse(value) : messageEntry.safeParse(value);
    if (!parsed.success) continue;
    const threadId = 'threadId' in parsed.data ? parsed.data.threadId : match[2]!;
    out.push({ threadId, messageId: match[2]!, authorId: parsed.data.authorId, text: parsed.data.text });
  }
  return out;
}
