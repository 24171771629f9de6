/**
 * The one IPC contract between the UI and the main process: channel names,
 * request schemas (validated in main before any handler runs) and response
 * types. Electron's preload and the browser host's HTTP client both expose
 * exactly the methods listed in API_METHODS.
 */
import { z } from 'zod';
import { articleFieldsSchema, type Article, type ArticleSummary, type Author, type DisclosureTemplate } from '../model/article';

const id = z.string().min(1).max(100);
const empty = z.object({}).strict();

/** Declares a channel: its request schema and (as a phantom) its response type. */
function channel<Res>() {
  return <S extends z.ZodType>(request: S) => ({ request, response: undefined as unknown as Res });
}

export type DbProblem = 'not-sqlite' | 'damaged' | 'newer-schema' | 'locked' | 'unreadable' | 'wrong-abi';

export type DbStatus =
  | { state: 'open'; path: string; schemaVersion: number }
  | { state: 'error'; path: string; problem: DbProblem; message: string };

export type AppInfo = {
  appVersion: string;
  runtime: 'electron' | 'browser-host';
  platform: string;
};

export type Taxonomy = { tags: string[]; sections: string[] };
export type ArticleList = { items: ArticleSummary[]; total: number };
export type SaveResult = { version: number; updatedAt: string };

export const LIST_PAGE_MAX = 500;

export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
export type ImageMimeType = (typeof IMAGE_MIME_TYPES)[number];
export const MAX_ASSET_BYTES = 25 * 1024 * 1024;
export type AssetRef = { assetId: string };
export type AssetData = { assetId: string; mimeType: ImageMimeType; fileName: string; dataBase64: string };

export const contract = {
  'app:info': channel<AppInfo>()(empty),
  'db:status': channel<DbStatus>()(empty),
  /** Without a path, the Electron shell asks with a native file dialog. */
  'db:open': channel<DbStatus>()(z.object({ path: z.string().min(1).max(4_096).optional() }).strict()),
  /** Starts a fresh database next to the current one, leaving the current file untouched. */
  'db:createNew': channel<DbStatus>()(empty),

  'articles:list': channel<ArticleList>()(
    z
      .object({
        view: z.enum(['active', 'trash']),
        search: z.string().max(500).optional(),
        limit: z.number().int().min(1).max(LIST_PAGE_MAX).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
      })
      .strict(),
  ),
  'articles:get': channel<Article>()(z.object({ id }).strict()),
  'articles:create': channel<Article>()(z.object({ fields: articleFieldsSchema.partial().optional() }).strict()),
  /** Saves changed fields if the stored version still equals baseVersion; otherwise fails with CONFLICT. */
  'articles:save': channel<SaveResult>()(
    z
      .object({
        id,
        baseVersion: z.number().int().min(0),
        patch: articleFieldsSchema.partial(),
      })
      .strict(),
  ),
  'articles:duplicate': channel<Article>()(z.object({ id }).strict()),
  'articles:trash': channel<null>()(z.object({ id }).strict()),
  'articles:restore': channel<null>()(z.object({ id }).strict()),
  /** Permanent; only for articles already in the trash. */
  'articles:deleteForever': channel<null>()(z.object({ id, confirm: z.literal(true) }).strict()),

  /** Stores an image in the database (deduplicated by content) and returns its id. */
  'assets:put': channel<AssetRef>()(
    z
      .object({
        fileName: z.string().min(1).max(255),
        mimeType: z.enum(IMAGE_MIME_TYPES),
        dataBase64: z.string().min(1).max(Math.ceil((MAX_ASSET_BYTES * 4) / 3) + 4),
      })
      .strict(),
  ),
  'assets:get': channel<AssetData>()(z.object({ id }).strict()),

  /** Tags and sections already in use, most used first, for completion. */
  'taxonomy:list': channel<Taxonomy>()(empty),
  'authors:list': channel<Author[]>()(z.object({ includeArchived: z.boolean().optional() }).strict()),
  'disclosures:list': channel<DisclosureTemplate[]>()(empty),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = Contract[C]['response'];

export const CHANNELS = Object.keys(contract) as Channel[];
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

// ---- Errors ---------------------------------------------------------------

export const IPC_ERROR_CODES = [
  'UNKNOWN_CHANNEL',
  'UNTRUSTED_SENDER',
  'INVALID_PAYLOAD',
  'NOT_FOUND',
  'CONFLICT',
  'NOT_ALLOWED',
  'DB_UNAVAILABLE',
  'CANCELLED',
  'INTERNAL',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export type IpcError = {
  code: IpcErrorCode;
  /** Plain words for the user. */
  message: string;
  /** For INVALID_PAYLOAD: where the payload was wrong. For CONFLICT: the stored version. */
  details?: { issues?: string[]; currentVersion?: number };
};

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Thrown by handlers; the choke point turns it into an IpcResult error. */
export class AppError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly details?: IpcError['details'],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Raised in the UI when a call fails, carrying the typed error. */
export class IpcCallError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
    this.name = 'IpcCallError';
  }
}

// ---- The named API both transports expose ---------------------------------

export const API_METHODS = {
  appInfo: 'app:info',
  dbStatus: 'db:status',
  openDatabase: 'db:open',
  createNewDatabase: 'db:createNew',
  listArticles: 'articles:list',
  getArticle: 'articles:get',
  createArticle: 'articles:create',
  saveArticle: 'articles:save',
  duplicateArticle: 'articles:duplicate',
  trashArticle: 'articles:trash',
  restoreArticle: 'articles:restore',
  deleteArticleForever: 'articles:deleteForever',
  putAsset: 'assets:put',
  getAsset: 'assets:get',
  listTaxonomy: 'taxonomy:list',
  listAuthors: 'authors:list',
  listDisclosures: 'disclosures:list',
} as const satisfies Record<string, Channel>;

export type ApiMethod = keyof typeof API_METHODS;

/** What `window.newsroom` offers: one named method per channel, each resolving to a typed result. */
export type NewsroomApi = {
  [M in ApiMethod]: (request: RequestOf<(typeof API_METHODS)[M]>) => Promise<IpcResult<ResponseOf<(typeof API_METHODS)[M]>>>;
};
