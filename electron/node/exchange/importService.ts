/**
 * Imports a file into the store: Markdown, Word, HTML, plain text, ninjs and article bundles.
 * The file is read in a contained worker (convertImport: sniffed, size-checked, converted by the
 * pure importers, validated), so the main thread only writes: in one transaction, the article,
 * its images, its authors and disclosure versions all land, or nothing does.
 */
import { randomUUID } from 'node:crypto';
import type { ImportOutcome, ImportVersionSummary as VersionSummary } from '../../../shared/ipc/channels/exchange';
import type { ArticleBundle, BundleArticle } from '../../../shared/exchange/bundle';
import type { ImportedArticle } from '../../../shared/exchange/importedArticle';
import { AppError } from '../../../shared/ipc/contract';
import { FIELD_LIMITS } from '../../../shared/model/article';
import type { ArticleBody, BlockElement } from '../../../shared/model/document';
import { convertContained, diffContained } from './containedImport';
import { exchangeStoreOf, type ExchangeSession } from './session';

export const CONFLICT_CHOICES = ['keep-mine', 'take-theirs', 'keep-both'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

const refuse = (message: string): never => {
  throw new AppError('INVALID_PAYLOAD', message);
};

function mapBody(body: ArticleBody, assetIds: ReadonlyMap<string, string>): ArticleBody {
  if (assetIds.size === 0) return body;
  return body.map((block): BlockElement => {
    if (block.type === 'image' && assetIds.has(block.assetId)) return { ...block, assetId: assetIds.get(block.assetId)! };
    if (block.type === 'author-bio' && assetIds.has(block.snapshot.photoAssetId)) {
      return { ...block, snapshot: { ...block.snapshot, photoAssetId: assetIds.get(block.snapshot.photoAssetId)! } };
    }
    return block;
  });
}

function storeImported(session: ExchangeSession, article: ImportedArticle, fileName: string): string {
  const store = session.store();
  const exchange = exchangeStoreOf(session);
  return exchange.transaction(() => {
    const assetIds = new Map<string, string>();
    for (const image of article.images) {
      assetIds.set(image.placeholder, session.assets().putAsset(image.fileName, image.mimeType, Buffer.from(image.dataBase64, 'base64')));
    }
    const bylineAuthorIds = article.byline.map(
      (name) => exchange.authorIdByName(name) ?? store.createAuthor({ name, jobTitle: '', bio: [], email: '', readMoreUrl: '' }),
    );
    const headline = article.fields.headline ?? fileName.replace(/\.[^.]*$/, '').slice(0, FIELD_LIMITS.headline);
    return store.createArticle({ ...article.fields, headline, bylineAuthorIds, body: mapBody(article.body, assetIds) }, 'draft').id;
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

/** Writes a bundle's images, authors and disclosures and returns the article with its asset ids remapped. */
function landDependencies(session: ExchangeSession, bundle: ArticleBundle): { article: BundleArticle; warnings: string[] } {
  const exchange = exchangeStoreOf(session);
  const assetIds = new Map<string, string>();
  for (const asset of bundle.assets) {
    const bytes = Buffer.from(asset.dataBase64, 'base64');
    const kept = bytes.length > 0 ? exchange.putAssetKeepingId(asset.id, asset.fileName, asset.mimeType, bytes) : undefined;
    assetIds.set(asset.id, kept ?? session.assets().putAsset(asset.fileName, asset.mimeType, bytes));
  }
  for (const author of bundle.authors) {
    exchange.ensureAuthor({ ...author, photoAssetId: assetIds.get(author.photoAssetId) ?? author.photoAssetId });
  }
  for (const d of bundle.disclosures) exchange.ensureDisclosure(d);
  const article = { ...bundle.article, body: mapBody(bundle.article.body, assetIds) };
  const warnings: string[] = [];
  const missing = article.bylineAuthorIds.filter((id) => !bundle.authors.some((a) => a.id === id) && !session.store().listAuthors(true).some((a) => a.id === id));
  if (missing.length) warnings.push(`${missing.length} byline author(s) were not in the bundle and were left out.`);
  return { article, warnings };
}

async function importBundle(session: ExchangeSession, bundle: ArticleBundle, onConflict: ConflictChoice | undefined): Promise<ImportOutcome> {
  const exchange = exchangeStoreOf(session);
  const incoming = bundle.article;
  const exists = exchange.hasArticle(incoming.id);
  if (exists && onConflict === undefined) {
    const mine = session.store().getArticle(incoming.id);
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
    return { kind: 'kept-mine', articleId: incoming.id, headline: session.store().getArticle(incoming.id).headline, format: 'bundle', warnings: [] };
  }
  const revisions = bundle.revisions ?? [];
  const comments = bundle.comments ?? [];
  return exchange.transaction(() => {
    const { article, warnings } = landDependencies(session, bundle);
    let articleId = incoming.id;
    if (!exists) exchange.insertArticle(articleId, article);
    else if (onConflict === 'take-theirs') {
      exchange.keepAsRevision(articleId, 'Before taking the imported bundle');
      exchange.replaceArticle(articleId, article);
    } else {
      articleId = randomUUID();
      const headline = `${article.headline} (imported copy)`.slice(0, FIELD_LIMITS.headline);
      exchange.insertArticle(articleId, { ...article, headline, slugLocked: false, status: 'draft', version: 1 });
    }
    const skipped = exchange.addReview(articleId, revisions, comments, exists && onConflict === 'keep-both');
    if (skipped.length) warnings.push(`This database has no place for ${skipped.join(' and ')}; they were not imported.`);
    return { kind: 'imported', articleId, headline: session.store().getArticle(articleId).headline, format: 'bundle', warnings };
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
  options: { onConflict?: ConflictChoice } = {},
): Promise<ImportOutcome> {
  session.store();
  const converted = await convertContained(fileName, bytes);
  if (converted.kind === 'refused') return refuse(converted.message);
  if (converted.kind === 'bundle') return importBundle(session, converted.bundle, options.onConflict);
  const articleId = storeImported(session, converted.article, fileName);
  return { kind: 'imported', articleId, headline: session.store().getArticle(articleId).headline, format: converted.format, warnings: converted.article.warnings };
}
