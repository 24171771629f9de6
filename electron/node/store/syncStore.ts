/**
 * The desk's replica of a newsroom server (tables `sync_servers`, `sync_documents`, `sync_updates`;
 * see migrations/007-sync.ts). Only this module writes them. Merging Yjs updates is pure and given by
 * the caller (`fold`), so this module stays SQL only.
 */
import type { Db } from './database';
import type { Clock } from './articleStore';

export type ServerAccount = { id: string; name: string; role: 'writer' | 'editor' };
export type ServerRecord = { url: string; account?: ServerAccount; allowInsecure: boolean };

export type ReplicaRecord = {
  articleId: string;
  serverUrl: string;
  accountId: string;
  state: Uint8Array;
  onServer: boolean;
  serverStatus?: string;
  access?: 'read' | 'write';
  accessReason?: string;
  problem?: string;
  /** Who holds it, as the server last listed it (absent: nobody assigned). */
  holder?: ArticleHolder;
};

export type ArticleHolder = { writerId: string | null; writerName: string | null; editorId: string | null; editorName: string | null };

export type StoredUpdate = { seq: number; origin: 'local' | 'remote'; data: Uint8Array };

type DocumentRow = {
  article_id: string;
  server_url: string;
  account_id: string;
  state: Buffer;
  on_server: number;
  server_status: string | null;
  access: 'read' | 'write' | null;
  access_reason: string | null;
  problem: string | null;
  assigned_writer_id: string | null;
  assigned_writer_name: string | null;
  assigned_editor_id: string | null;
  assigned_editor_name: string | null;
};

const toRecord = (row: DocumentRow): ReplicaRecord => ({
  articleId: row.article_id,
  serverUrl: row.server_url,
  accountId: row.account_id,
  state: new Uint8Array(row.state),
  onServer: row.on_server === 1,
  ...(row.server_status !== null ? { serverStatus: row.server_status } : {}),
  ...(row.access !== null ? { access: row.access } : {}),
  ...(row.access_reason !== null ? { accessReason: row.access_reason } : {}),
  ...(row.problem !== null ? { problem: row.problem } : {}),
  ...(row.assigned_writer_id !== null || row.assigned_editor_id !== null
    ? {
        holder: {
          writerId: row.assigned_writer_id,
          writerName: row.assigned_writer_name,
          editorId: row.assigned_editor_id,
          editorName: row.assigned_editor_name,
        },
      }
    : {}),
});

export function createSyncStore(db: Db, clock: Clock = () => new Date()) {
  const now = () => clock().toISOString();
  const stmt = {
    server: db.prepare<[string], { url: string; account_id: string | null; account_name: string | null; account_role: string | null; allow_insecure: number }>(
      `SELECT url, account_id, account_name, account_role, allow_insecure FROM sync_servers WHERE url = ?`,
    ),
    latestServer: db.prepare<[], { url: string }>(`SELECT url FROM sync_servers ORDER BY updated_at DESC, rowid DESC LIMIT 1`),
    putServer: db.prepare(
      `INSERT INTO sync_servers (url, account_id, account_name, account_role, allow_insecure, updated_at) VALUES (@url, @id, @name, @role, @allow, @now)
       ON CONFLICT (url) DO UPDATE SET account_id = excluded.account_id, account_name = excluded.account_name,
         account_role = excluded.account_role, allow_insecure = excluded.allow_insecure, updated_at = excluded.updated_at`,
    ),
    replica: db.prepare<[string], DocumentRow>(`SELECT * FROM sync_documents WHERE article_id = ?`),
    // Everything but the state: asked on every change of a desk's sync state, while someone types.
    replicaView: db.prepare<[string], Omit<DocumentRow, 'state'>>(
      `SELECT article_id, server_url, account_id, on_server, server_status, access, access_reason, problem,
         assigned_writer_id, assigned_writer_name, assigned_editor_id, assigned_editor_name FROM sync_documents WHERE article_id = ?`,
    ),
    replicasOf: db.prepare<[string, string], DocumentRow>(`SELECT * FROM sync_documents WHERE server_url = ? AND account_id = ? ORDER BY article_id`),
    insertReplica: db.prepare(
      `INSERT INTO sync_documents (article_id, server_url, account_id, state, on_server, server_status, access, updated_at)
       VALUES (@articleId, @serverUrl, @accountId, @state, @onServer, @serverStatus, @access, @now)`,
    ),
    setState: db.prepare(`UPDATE sync_documents SET state = ?, updated_at = ? WHERE article_id = ?`),
    setOnServer: db.prepare(`UPDATE sync_documents SET on_server = 1, updated_at = ? WHERE article_id = ?`),
    setServerView: db.prepare(`UPDATE sync_documents SET server_status = ?, access = ?, access_reason = ?, updated_at = ? WHERE article_id = ?`),
    setProblem: db.prepare(`UPDATE sync_documents SET problem = ?, updated_at = ? WHERE article_id = ?`),
    setAssignment: db.prepare(
      `UPDATE sync_documents SET assigned_writer_id = @writerId, assigned_writer_name = @writerName, assigned_editor_id = @editorId,
         assigned_editor_name = @editorName WHERE article_id = @articleId`,
    ),
    append: db.prepare(`INSERT INTO sync_updates (article_id, origin, data, created_at) VALUES (?, ?, ?, ?)`),
    updatesOf: db.prepare<[string], { seq: number; origin: 'local' | 'remote'; data: Buffer }>(
      `SELECT seq, origin, data FROM sync_updates WHERE article_id = ? ORDER BY seq`,
    ),
    pendingCount: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM sync_updates WHERE article_id = ? AND origin = 'local'`),
    foldable: db.prepare<[string, number], { seq: number; data: Buffer }>(
      `SELECT seq, data FROM sync_updates WHERE article_id = ? AND (origin = 'remote' OR seq <= ?) ORDER BY seq`,
    ),
    deleteFolded: db.prepare(`DELETE FROM sync_updates WHERE article_id = ? AND (origin = 'remote' OR seq <= ?)`),
  };

  return {
    server(url: string): ServerRecord | undefined {
      const row = stmt.server.get(url);
      if (!row) return undefined;
      const role = row.account_role;
      const account: ServerAccount | undefined =
        row.account_id && row.account_name && (role === 'writer' || role === 'editor') ? { id: row.account_id, name: row.account_name, role } : undefined;
      return { url: row.url, allowInsecure: row.allow_insecure === 1, ...(account ? { account } : {}) };
    },

    /** The server this desk was pointed at last: the one it connects to at start. */
    latestServer(): ServerRecord | undefined {
      const row = stmt.latestServer.get();
      return row ? this.server(row.url) : undefined;
    },

    putServer(record: ServerRecord): void {
      stmt.putServer.run({
        url: record.url,
        id: record.account?.id ?? null,
        name: record.account?.name ?? null,
        role: record.account?.role ?? null,
        allow: record.allowInsecure ? 1 : 0,
        now: now(),
      });
    },

    replica(articleId: string): ReplicaRecord | undefined {
      const row = stmt.replica.get(articleId);
      return row ? toRecord(row) : undefined;
    },

    /** A replica's record without its document state (which can be megabytes). */
    replicaView(articleId: string): Omit<ReplicaRecord, 'state'> | undefined {
      const row = stmt.replicaView.get(articleId);
      if (!row) return undefined;
      const { state: _state, ...view } = toRecord({ ...row, state: Buffer.alloc(0) });
      return view;
    },

    /** Every article this desk keeps for one server and account. */
    replicasOf(serverUrl: string, accountId: string): ReplicaRecord[] {
      return stmt.replicasOf.all(serverUrl, accountId).map(toRecord);
    },

    addReplica(record: Pick<ReplicaRecord, 'articleId' | 'serverUrl' | 'accountId' | 'state' | 'onServer' | 'serverStatus' | 'access'>): void {
      stmt.insertReplica.run({
        ...record,
        state: Buffer.from(record.state),
        onServer: record.onServer ? 1 : 0,
        serverStatus: record.serverStatus ?? null,
        access: record.access ?? null,
        now: now(),
      });
    },

    markOnServer(articleId: string): void {
      stmt.setOnServer.run(now(), articleId);
    },

    setServerView(articleId: string, view: { status?: string; access?: 'read' | 'write'; accessReason?: string }): void {
      stmt.setServerView.run(view.status ?? null, view.access ?? null, view.accessReason ?? null, now(), articleId);
    },

    /** Who holds the article as the server last listed it (null: nobody); the library shows it. */
    setAssignment(articleId: string, holder: ArticleHolder): void {
      stmt.setAssignment.run({ articleId, ...holder });
    },

    setProblem(articleId: string, problem: string | undefined): void {
      stmt.setProblem.run(problem ?? null, now(), articleId);
    },

    /** Appends one update durably (synchronous=FULL); returns its sequence number. */
    appendUpdate(articleId: string, origin: 'local' | 'remote', data: Uint8Array): number {
      return Number(stmt.append.run(articleId, origin, Buffer.from(data), now()).lastInsertRowid);
    },

    updates(articleId: string): StoredUpdate[] {
      return stmt.updatesOf.all(articleId).map((r) => ({ seq: r.seq, origin: r.origin, data: new Uint8Array(r.data) }));
    },

    /** Local updates the server has not acknowledged yet. */
    pendingCount(articleId: string): number {
      return stmt.pendingCount.get(articleId)!.n;
    },

    /**
     * Folds every remote update and the local ones up to `ackedSeq` into the state and deletes them,
     * in one transaction. Returns how many updates were folded.
     */
    fold: db.transaction((articleId: string, ackedSeq: number, merge: (state: Uint8Array, updates: Uint8Array[]) => Uint8Array): number => {
      const row = stmt.replica.get(articleId);
      if (!row) return 0;
      const rows = stmt.foldable.all(articleId, ackedSeq);
      if (rows.length === 0) return 0;
      const state = merge(
        new Uint8Array(row.state),
        rows.map((r) => new Uint8Array(r.data)),
      );
      stmt.setState.run(Buffer.from(state), now(), articleId);
      stmt.deleteFolded.run(articleId, ackedSeq);
      return rows.length;
    }),
  };
}

export type SyncStore = ReturnType<typeof createSyncStore>;
