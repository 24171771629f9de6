/**
 * Imports a file into the store: Markdown, Word, HTML, plain text, ninjs and article bundles.
 * The bytes are sniffed first (a file that is not what its name says is refused), converted by
 * the pure importers, validated, and written in one transaction: the article, its images, its
 * authors and disclosure versions all land, or nothing does.
 */
import { randomUUID } from 'node:crypto';
import mammoth from 'mammoth';
import { diffVersions } from '../../../shared/diff/wordDiff';
import type { ImportOutcome, ImportVersionSummary as VersionSummary } from '../../../shared/ipc/channels/exchange';
import type { ArticleBundle, BundleArticle, BundleRevision } from '../../../shared/exchange/bundle';
import { finishImport, type ImportedArticle } from '../../../shared/exchange/importedArticle';
import { importHtml, importPlainText } from '../../../shared/exchange/importText';
import { importNinjs } from '../../../shared/exchange/ninjs';
import { sniffImport, type ImportKind } from '../../../shared/exchange/sniff';
import { importMarkdown, MarkdownImportError } from '../../../shared/import/markdown';
import { AppError } from '../../../shared/ipc/contract';
import { FIELD_LIMITS } from '../../../shared/model/article';
import type { ArticleBody, BlockElement } from '../../../shared/model/document';
import { decodeBundle } from './bundleFile';
import { libraryOf, reviewOf, type ExchangeSession } from './session';

export const CONFLICT_CHOICES = ['keep-mine', 'take-theirs', 'keep-both'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

const refuse = (message: string): never => {
  throw new AppError('INVALID_PAYLOAD', message);
};

async function docxToArticle(bytes: Uint8Array): Promise<ImportedArticle> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    html = result.value;
  } catch {
    return refuse('The Word document is damaged or not a .docx file (it could not be read). Nothing was imported.');
  }
  return importHtml(html);
}

/** Converts a non-bundle file to an article, or refuses with a reason. */
async function convert(kind: Exclude<ImportKind, 'bundle'>, bytes: Uint8Array, text: string | undefined): Promise<ImportedArticle> {
  switch (kind) {
    case 'markdown':
      try {
        return { ...importMarkdown(text!), images: [], warnings: [] };
      } catch (error) {
        if (error instanceof MarkdownImportError) return refuse(error.message);
        throw error;
      }
    case 'text':
      return importPlainText(text!);
    case 'html':
      return importHtml(text!);
    case 'docx':
      return docxToArticle(bytes);
    case 'ninjs': {
      const result = importNinjs(text!);
      return result.ok ? result.article : refuse(result.message);
    }
  }
}

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

function storeImported(session: ExchangeSession, article: ImportedArticle, fileName: string): string {
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
    return store.createArticle({ ...article.fields, headline, bylineAuthorIds, body: mapBody(article.body, { ...nothingMoved, assetIds }) }, 'draft').id;
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

function importBundle(session: ExchangeSession, bundle: ArticleBundle, onConflict: ConflictChoice | undefined): ImportOutcome {
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
      diff: diffVersions(mine, incoming),
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
  options: { onConflict?: ConflictChoice } = {},
): Promise<ImportOutcome> {
  session.store();
  const sniffed = sniffImport(fileName, bytes);
  if (!sniffed.ok) return refuse(sniffed.message);
  if (sniffed.kind === 'bundle') {
    const decoded = decodeBundle(bytes);
    if (!decoded.ok) return refuse(decoded.message);
    return importBundle(session, decoded.bundle, options.onConflict);
  }
  const converted = await convert(sniffed.kind, bytes, sniffed.text);
  const checked = finishImport(converted);
  if (!checked.ok) return refuse(checked.message);
  const articleId = storeImported(session, checked.article, fileName);
  return { kind: 'imported', articleId, headline: session.store().getArticle(articleId).headline, format: sniffed.kind, warnings: checked.article.warnings };
}
