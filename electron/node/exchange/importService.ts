/**
 * Imports a file into the store: Markdown, Word, HTML, plain text, ninjs and article bundles.
 * The file is read in a contained worker (convertImport: sniffed, size-checked, converted by the
 * pure importers, validated), so the main thread only writes: in one transaction, the article,
 * its images, its authors and disclosure versions all land, or nothing does.
 */
import { randomUUID } from 'node:crypto';
import type { ImportOutcome, ImportVersionSummary as VersionSummary } from '../../../shared/ipc/channels/exchange';
import type { ArticleBundle, BundleArticle, BundleComment, BundleRevision } from '../../../shared/exchange/bundle';
import type { ImportedArticle } from '../../../shared/exchange/importedArticle';
import { AppError } from '../../../shared/ipc/contract';
import { FIELD_LIMITS, type ArticleFields } from '../../../shared/model/article';
import type { ArticleBody, BlockElement } from '../../../shared/model/document';
import { convertContained, diffContained } from './containedImport';
import { libraryOf, reviewOf, spellingOf, type ExchangeSession } from './session';

export const CONFLICT_CHOICES = ['keep-mine', 'take-theirs', 'keep-both'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

const refuse = (message: string): never => {
  throw new AppError('INVALID_PAYLOAD', message);
};

/** Where a bundle's images and disclosure versions landed in this database. */
type Landed = { assetIds: ReadonlyMap<string, string>; disclosureVersions: ReadonlyMap<string, ReadonlyMap<number, number>> };
const nothingMoved: Landed = { assetIds: new Map(), disclosureVersions: new Map() };

/** The body pointing at where its images and disclosure versions are stored here. */
function mapBody(body: ArticleBody, landed: Landed): ArticleBody {
  const { assetIds, disclosureVersions } = landed;
  if (assetIds.size === 0 && disclosureVersions.size === 0) return body;
  return body.map((block): BlockElement => {
    if (block.type === 'image' && assetIds.has(block.assetId)) return { ...block, assetId: assetIds.get(block.assetId)! };
    if (block.type === 'author-bio' && assetIds.has(block.snapshot.photoAssetId)) {
      return { ...block, snapshot: { ...block.snapshot, photoAssetId: assetIds.get(block.snapshot.photoAssetId)! } };
    }
    if (block.type === 'ai-disclosure') {
      const version = disclosureVersions.get(block.templateId)?.get(block.version);
      if (version !== undefined && version !== block.version) return { ...block, version };
    }
    return block;
  });
}

/**
 * The newsroom the desk is signed in to, for imports: a new article there (with the file's comments
 * in its document), or undefined on a solo desk. Bundles stay the desk's: they carry their own ids,
 * status and history.
 */
export type NewsroomImport = {
  createImportedArticle(fields: Partial<ArticleFields>, comments: readonly BundleComment[]): { articleId: string; commentsLeftOut: number } | undefined;
};

type Stored = { articleId: string; warnings: string[] };

function storeImported(session: ExchangeSession, article: ImportedArticle, fileName: string, newsroom: NewsroomImport | undefined): Stored {
  const store = session.store();
  const library = libraryOf(session);
  return store.transaction(() => {
    const assetIds = new Map<string, string>();
    for (const image of article.images) {
      assetIds.set(image.placeholder, session.assets().putAsset(image.fileName, image.mimeType, Buffer.from(image.dataBase64, 'base64')));
    }
    const newAuthor = (name: string) =>
      library.createAuthor({ name, jobTitle: '', bio: [], email: '', photoAssetId: '', readMoreUrl: '', profileLinks: [] }).id;
    const bylineAuthorIds = article.byline.map((name) => library.authorIdByName(name) ?? newAuthor(name));
    const headline = article.fields.headline ?? fileName.replace(/\.[^.]*$/, '').slice(0, FIELD_LIMITS.headline);
    // A file that does not say its language is in the desk's.
    const language = article.fields.language ?? reviewOf(session).settings.writingSettings().language;
    const fields = { ...article.fields, headline, language, bylineAuthorIds, body: mapBody(article.body, { ...nothingMoved, assetIds }) };
    const comments = article.comments ?? [];
    // Last in the transaction: the newsroom's article is one document state with its comments.
    const team = newsroom?.createImportedArticle(fields, comments);
    if (team) {
      const { articleId, commentsLeftOut } = team;
      const warnings = commentsLeftOut
        ? [
            `${commentsLeftOut === 1 ? 'One comment' : `${commentsLeftOut} comments`} whose text could not be found in the article ${commentsLeftOut === 1 ? 'was' : 'were'} left out.`,
          ]
        : [];
      return { articleId, warnings };
    }
    const articleId = store.createArticle(fields, 'draft').id;
    if (comments.length) reviewOf(session).comments.addImported(articleId, comments, true);
    return { articleId, warnings: [] };
  });
}

const summaryOf = (a: Pick<BundleArticle, 'headline' | 'dek' | 'version' | 'updatedAt' | 'status' | 'body'>): VersionSummary => ({
  headline: a.headline,
  dek: a.dek,
  version: a.version,
  updatedAt: a.updatedAt,
  status: a.status,
  blocks: a.body.length,
});

/**
 * Writes a bundle's images, authors and disclosure versions through their owners and returns the
 * article and revisions pointing at where those landed here.
 */
function landDependencies(session: ExchangeSession, bundle: ArticleBundle): { article: BundleArticle; revisions: BundleRevision[]; warnings: string[] } {
  const library = libraryOf(session);
  const assetIds = new Map<string, string>();
  for (const asset of bundle.assets) {
    const bytes = Buffer.from(asset.dataBase64, 'base64');
    assetIds.set(asset.id, session.assets().putAssetKeepingId(asset.id, asset.fileName, asset.mimeType, bytes));
  }
  for (const author of bundle.authors) {
    library.importAuthor({ ...author, photoAssetId: assetIds.get(author.photoAssetId) ?? author.photoAssetId });
  }
  const disclosureVersions = new Map(bundle.disclosures.map((d) => [d.id, library.importDisclosure(d)] as const));
  const landed: Landed = { assetIds, disclosureVersions };
  const article = { ...bundle.article, body: mapBody(bundle.article.body, landed) };
  const revisions = (bundle.revisions ?? []).map((r) => ({ ...r, fields: { ...r.fields, body: mapBody(r.fields.body, landed) } }));
  const warnings: string[] = [];
  const known = new Set(library.listAuthors({ includeArchived: true }).map((a) => a.id));
  const missing = article.bylineAuthorIds.filter((id) => !known.has(id));
  if (missing.length) warnings.push(`${missing.length} byline author(s) were not in the bundle and were left out.`);
  return { article, revisions, warnings };
}

async function importBundle(session: ExchangeSession, bundle: ArticleBundle, onConflict: ConflictChoice | undefined): Promise<ImportOutcome> {
  const store = session.store();
  const incoming = bundle.article;
  const exists = store.hasArticle(incoming.id);
  if (exists && onConflict === undefined) {
    const mine = store.getArticle(incoming.id);
    return {
      kind: 'conflict',
      articleId: incoming.id,
      headline: incoming.headline,
      format: 'bundle',
      mine: summaryOf(mine),
      theirs: summaryOf(incoming),
      diff: await diffContained(mine, incoming),
    };
  }
  if (exists && onConflict === 'keep-mine') {
    return { kind: 'kept-mine', articleId: incoming.id, headline: store.getArticle(incoming.id).headline, format: 'bundle', warnings: [] };
  }
  const review = reviewOf(session);
  return store.transaction(() => {
    const { article, revisions, warnings } = landDependencies(session, bundle);
    const { id: _id, status, version, createdAt, updatedAt, ...fields } = article;
    const at = new Date().toISOString();
    let articleId = incoming.id;
    if (!exists) store.insertArticleAs(articleId, fields, { status, version, createdAt: createdAt || at, updatedAt: updatedAt || at });
    else if (onConflict === 'take-theirs') {
      review.revisions.snapshot(articleId, 'manual', 'Before taking the imported bundle', undefined);
      store.replaceArticle(articleId, fields, status);
    } else {
      articleId = randomUUID();
      const headline = `${article.headline} (imported copy)`.slice(0, FIELD_LIMITS.headline);
      store.insertArticleAs(articleId, { ...fields, headline, slugLocked: false }, { status: 'draft', version: 1, createdAt: at, updatedAt: at });
    }
    review.revisions.addImported(articleId, revisions);
    review.comments.addImported(articleId, bundle.comments ?? [], exists && onConflict === 'keep-both');
    if (bundle.spelling) {
      const spelling = spellingOf(session);
      spelling.importWords(bundle.spelling.newsroomWords, 'An imported bundle');
      spelling.importIgnoredWords(articleId, bundle.spelling.ignoredWords);
    }
    return { kind: 'imported', articleId, headline: store.getArticle(articleId).headline, format: 'bundle', warnings };
  });
}

/**
 * Imports one file. Refusals (damaged, foreign, too large, invalid) throw AppError INVALID_PAYLOAD
 * with the reason; a bundle of an article that exists returns `conflict` until `onConflict` says
 * what to keep.
 */
export async function importFile(
  session: ExchangeSession,
  fileName: string,
  bytes: Uint8Array,
  options: { onConflict?: ConflictChoice; newsroom?: NewsroomImport } = {},
): Promise<ImportOutcome> {
  session.store();
  const converted = await convertContained(fileName, bytes);
  if (converted.kind === 'refused') return refuse(converted.message);
  if (converted.kind === 'bundle') return importBundle(session, converted.bundle, options.onConflict);
  const { articleId, warnings } = storeImported(session, converted.article, fileName, options.newsroom);
  return {
    kind: 'imported',
    articleId,
    headline: session.store().getArticle(articleId).headline,
    format: converted.format,
    warnings: [...converted.article.warnings, ...warnings],
  };
}
