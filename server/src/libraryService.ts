/**
 * The library operations of the API: any signed-in account reads the newsroom's libraries; only
 * editors change them. A change names the version it was based on, and one based on an older
 * version is refused with the current entry (409), so nobody's change is silently overwritten.
 */
import { LIBRARY_EDITORS_SENTENCE, libraryDataSchema, type LibraryKind, type NewsroomLibraryEntry } from '../../shared/library/newsroomLibrary';
import type { Account } from './storage/accounts';
import type { LibraryChange } from './storage/libraries';
import type { Storage } from './storage/storage';

export type LibraryResult =
  { ok: true; status: 200 | 201; entry: NewsroomLibraryEntry } | { ok: false; status: 400 | 403 | 404 | 409; reason: string; entry?: NewsroomLibraryEntry };

const NOUN: Record<LibraryKind, string> = { author: 'author', disclosure: 'disclosure template', 'style-rule': 'house-style rule' };

function refuseWriter(account: Account): LibraryResult | undefined {
  if (account.disabled || account.role !== 'editor') return { ok: false, status: 403, reason: LIBRARY_EDITORS_SENTENCE };
  return undefined;
}

/** The data checked with the desk's own schema for the kind; the first problem as a sentence. */
function checkData(kind: LibraryKind, data: unknown): { ok: true; data: unknown } | { ok: false; reason: string } {
  const parsed = libraryDataSchema[kind].safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, reason: `The ${NOUN[kind]} was refused: ${issue?.message ?? 'its data is not valid'}` };
}

export async function createLibraryEntry(
  storage: Storage,
  account: Account,
  request: { kind: LibraryKind; id: string; data: unknown },
  now: Date,
): Promise<LibraryResult> {
  const refused = refuseWriter(account);
  if (refused) return refused;
  const checked = checkData(request.kind, request.data);
  if (!checked.ok) return { ok: false, status: 400, reason: checked.reason };
  const result = await storage.libraries.create({ ...request, data: checked.data, by: { id: account.id, name: account.name }, now: now.toISOString() });
  if (result.ok) return { ok: true, status: 201, entry: result.entry };
  const existing = await storage.libraries.byId(request.kind, request.id);
  // The same request sent again (its answer was lost) is answered, not refused.
  if (existing && existing.version === 1 && JSON.stringify(existing.data) === JSON.stringify(checked.data)) return { ok: true, status: 200, entry: existing };
  return { ok: false, status: 409, reason: `The newsroom already has this ${NOUN[request.kind]}.`, ...(existing ? { entry: existing } : {}) };
}

export async function changeLibraryEntry(
  storage: Storage,
  account: Account,
  request: { kind: LibraryKind; id: string; baseVersion: number; change: LibraryChange },
  now: Date,
): Promise<LibraryResult> {
  const refused = refuseWriter(account);
  if (refused) return refused;
  let change = request.change;
  if (change.data !== undefined) {
    const checked = checkData(request.kind, change.data);
    if (!checked.ok) return { ok: false, status: 400, reason: checked.reason };
    change = { ...change, data: checked.data };
  }
  const result = await storage.libraries.change({ ...request, change, by: { id: account.id, name: account.name }, now: now.toISOString() });
  if (result.ok) return { ok: true, status: 200, entry: result.entry };
  if (result.problem === 'stale')
    return {
      ok: false,
      status: 409,
      reason: `${result.current.updatedBy.name} changed this ${NOUN[request.kind]} since you opened it (it is at version ${result.current.version}); nothing was changed. Look at their version first.`,
      entry: result.current,
    };
  return { ok: false, status: 404, reason: `The newsroom has no such ${NOUN[request.kind]}.` };
}
