/**
 * The house-style rules and the findings writers chose to ignore (tables `style_rules`,
 * `style_rule_versions`, `style_ignores`; migration 013). Rules are versioned like the disclosure
 * templates: a change of a rule's words adds a version, a stale base version is refused, an unchanged
 * rule is not a new version, and archiving alone keeps the version. A rule whose pattern could run away
 * is refused here too, whoever calls.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/ipc/contract';
import type { NewsroomLibraryEntry } from '../../../shared/library/newsroomLibrary';
import { styleRuleInputSchema, type StyleRule, type StyleRuleInput, type StyleRuleVersion } from '../../../shared/language/style/rules';
import type { Db } from './database';

type RuleRow = { id: string; version: number; archived: number; updated_at: string; newsroom_url: string | null; data_json: string };
type VersionRow = { rule_id: string; version: number; data_json: string; created_at: string };

/** Per article, at most this many ignored findings are kept (oldest first out). */
export const MAX_IGNORES_PER_ARTICLE = 2_000;

const rowToRule = (r: RuleRow): StyleRule => ({
  ...(JSON.parse(r.data_json) as StyleRuleInput),
  id: r.id,
  version: r.version,
  archived: r.archived === 1,
  updatedAt: r.updated_at,
  ...(r.newsroom_url !== null ? { newsroom: true as const } : {}),
});

/** A rule's words as stored: the schema's own, trimmed, in a fixed key order. */
function checked(input: unknown): StyleRuleInput {
  const parsed = styleRuleInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError('NOT_ALLOWED', `The rule was not saved: ${parsed.error.issues[0]?.message ?? 'it is not valid'}`);
  const r = parsed.data;
  return {
    name: r.name,
    find: r.find.kind === 'words' ? { kind: 'words', terms: r.find.terms.map((t) => t.trim()) } : { kind: 'pattern', pattern: r.find.pattern },
    matchCase: r.matchCase,
    replacement: r.replacement,
    fixCase: r.fixCase,
    message: r.message,
    category: r.category,
    severity: r.severity,
  };
}

export function createStyleStore(db: Db, clock: () => Date = () => new Date()) {
  const now = () => clock().toISOString();
  const SELECT = `SELECT r.id, r.current_version AS version, r.archived, r.updated_at, r.newsroom_url, v.data_json
    FROM style_rules r JOIN style_rule_versions v ON v.rule_id = r.id AND v.version = r.current_version`;
  const stmt = {
    rules: db.prepare<[number], RuleRow>(`${SELECT} WHERE r.archived = 0 OR ? ORDER BY json_extract(v.data_json, '$.name') COLLATE NOCASE`),
    rule: db.prepare<[string], RuleRow>(`${SELECT} WHERE r.id = ?`),
    insertRule: db.prepare(`INSERT INTO style_rules (id, current_version, archived, created_at, updated_at, newsroom_url) VALUES (?, ?, ?, ?, ?, ?)`),
    insertVersion: db.prepare(`INSERT OR REPLACE INTO style_rule_versions (rule_id, version, data_json, created_at) VALUES (?, ?, ?, ?)`),
    lastVersion: db.prepare<[string], { v: number }>(`SELECT coalesce(max(version), 0) AS v FROM style_rule_versions WHERE rule_id = ?`),
    bump: db.prepare(`UPDATE style_rules SET current_version = ?, updated_at = ? WHERE id = ? AND current_version = ?`),
    archive: db.prepare(`UPDATE style_rules SET archived = ?, updated_at = ? WHERE id = ?`),
    newsroomUpdate: db.prepare(`UPDATE style_rules SET current_version = ?, archived = ?, updated_at = ?, newsroom_url = ? WHERE id = ?`),
    versions: db.prepare<[string], VersionRow>(`SELECT * FROM style_rule_versions WHERE rule_id = ? ORDER BY version DESC`),
    ignores: db.prepare<[string], { finding_key: string }>(`SELECT finding_key FROM style_ignores WHERE article_id = ? ORDER BY created_at, rowid`),
    ignore: db.prepare(`INSERT OR IGNORE INTO style_ignores (article_id, finding_key, created_at) VALUES (?, ?, ?)`),
    unignore: db.prepare(`DELETE FROM style_ignores WHERE article_id = ? AND finding_key = ?`),
    trimIgnores: db.prepare(
      `DELETE FROM style_ignores WHERE article_id = @article AND rowid NOT IN
         (SELECT rowid FROM style_ignores WHERE article_id = @article ORDER BY created_at DESC, rowid DESC LIMIT @keep)`,
    ),
    articleExists: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM articles WHERE id = ?`),
  };

  function requireRule(id: string): RuleRow {
    const row = stmt.rule.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'That style rule is no longer in the house style.');
    return row;
  }

  const store = {
    listRules(opts: { includeArchived?: boolean } = {}): StyleRule[] {
      return stmt.rules.all(opts.includeArchived ? 1 : 0).map(rowToRule);
    },

    /** The rules a check applies: every rule not archived. */
    activeRules(): StyleRule[] {
      return store.listRules();
    },

    getRule(id: string): StyleRule {
      return rowToRule(requireRule(id));
    },

    createRule: db.transaction((input: StyleRuleInput, id: string = randomUUID()): StyleRule => {
      const data = checked(input);
      const at = now();
      stmt.insertRule.run(id, 1, 0, at, at, null);
      stmt.insertVersion.run(id, 1, JSON.stringify(data), at);
      return rowToRule(requireRule(id));
    }),

    /** A new version if the stored one is still `baseVersion` (else CONFLICT); the same words are not a new version. */
    updateRule: db.transaction((id: string, baseVersion: number, input: StyleRuleInput): StyleRule => {
      const current = requireRule(id);
      if (current.version !== baseVersion) {
        throw new AppError('CONFLICT', 'Someone else changed this rule since you opened it. Reload to see their version.', { currentVersion: current.version });
      }
      const data = JSON.stringify(checked(input));
      if (data === current.data_json) return rowToRule(current);
      const at = now();
      // After the newest stored version: a newsroom fetch may have stored later ones.
      const next = stmt.lastVersion.get(id)!.v + 1;
      stmt.insertVersion.run(id, next, data, at);
      stmt.bump.run(next, at, id, baseVersion);
      return rowToRule(requireRule(id));
    }),

    setRuleArchived: db.transaction((id: string, archived: boolean): StyleRule => {
      requireRule(id);
      stmt.archive.run(archived ? 1 : 0, now(), id);
      return rowToRule(requireRule(id));
    }),

    ruleVersions(id: string): StyleRuleVersion[] {
      requireRule(id);
      return stmt.versions
        .all(id)
        .map((v) => ({ ...(JSON.parse(v.data_json) as StyleRuleInput), ruleId: v.rule_id, version: v.version, createdAt: v.created_at }));
    },

    /** The newsroom server a rule comes from; undefined for this desk's own. */
    newsroomOf(id: string): string | undefined {
      return stmt.rule.get(id)?.newsroom_url ?? undefined;
    },

    /**
     * A rule as the newsroom server has it (its id, version, words, archive state), marked as its own.
     * A rule of the same id this desk had (the starter set) becomes the newsroom's. Returns whether it changed.
     */
    applyNewsroomRule(serverUrl: string, e: Extract<NewsroomLibraryEntry, { kind: 'style-rule' }>): boolean {
      const current = stmt.rule.get(e.id);
      const data = JSON.stringify(e.data);
      const archived = e.archived ? 1 : 0;
      if (current && current.version === e.version && current.data_json === data && current.archived === archived && current.newsroom_url === serverUrl)
        return false;
      if (!current) stmt.insertRule.run(e.id, e.version, archived, e.updatedAt, e.updatedAt, serverUrl);
      if (!current || current.version !== e.version || current.data_json !== data) stmt.insertVersion.run(e.id, e.version, data, e.updatedAt);
      if (current) stmt.newsroomUpdate.run(e.version, archived, e.updatedAt, serverUrl, e.id);
      return true;
    },

    // ---- Ignored findings ---------------------------------------------------------

    ignoredKeys(articleId: string): string[] {
      return stmt.ignores.all(articleId).map((r) => r.finding_key);
    },

    setIgnored: db.transaction((articleId: string, key: string, ignored: boolean): string[] => {
      if (stmt.articleExists.get(articleId)!.n === 0) throw new AppError('NOT_FOUND', 'That article is no longer on this desk.');
      if (ignored) {
        stmt.ignore.run(articleId, key, now());
        stmt.trimIgnores.run({ article: articleId, keep: MAX_IGNORES_PER_ARTICLE });
      } else stmt.unignore.run(articleId, key);
      return store.ignoredKeys(articleId);
    }),
  };
  return store;
}

export type StyleStore = ReturnType<typeof createStyleStore>;
