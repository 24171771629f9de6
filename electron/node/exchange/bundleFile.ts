/** Writing `.newsroom` bundle files: gzip'd JSON. Reading them runs in the import worker (bundleDecode.ts). */
import zlib from 'node:zlib';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BUNDLE_LIMITS,
  type ArticleBundle,
  type BundleAsset,
  type BundleAuthor,
  type BundleDisclosure,
} from '../../../shared/exchange/bundle';
import { DEFAULT_GENERATOR } from '../../../shared/export/exportInput';
import type { BlockElement } from '../../../shared/model/document';
import { KnownWords, wordsToCheck } from '../../../shared/language/spelling';
import { bodyPlainText } from '../../../shared/model/document';
import { libraryOf, reviewOf, spellingOf, type ExchangeSession } from './session';

/** Asset ids an article uses: its images and the photos of bios and byline authors. */
export function assetIdsOf(body: readonly BlockElement[], authors: readonly { photoAssetId: string }[] = []): string[] {
  const ids = new Set<string>();
  for (const block of body) {
    if (block.type === 'image' && block.assetId) ids.add(block.assetId);
    if (block.type === 'author-bio' && block.snapshot.photoAssetId) ids.add(block.snapshot.photoAssetId);
  }
  for (const a of authors) if (a.photoAssetId) ids.add(a.photoAssetId);
  return [...ids];
}

export function buildBundle(session: ExchangeSession, articleId: string, now = new Date()): ArticleBundle {
  const store = session.store();
  const library = libraryOf(session);
  const review = reviewOf(session);
  const { trashedAt: _t, ...article } = store.getArticle(articleId);
  const authorIds = new Set(article.bylineAuthorIds);
  const templateIds = new Set<string>();
  for (const block of article.body) {
    if (block.type === 'author-bio') authorIds.add(block.authorId);
    if (block.type === 'ai-disclosure') templateIds.add(block.templateId);
  }
  const authors: BundleAuthor[] = library
    .listAuthors({ includeArchived: true })
    .filter((a) => authorIds.has(a.id))
    .map(({ updatedAt: _u, ...author }) => author);
  const disclosures = [...templateIds].map((id) => library.disclosureForBundle(id)).filter((d): d is BundleDisclosure => d !== undefined);
  const assets: BundleAsset[] = [];
  for (const id of assetIdsOf(article.body, authors)) {
    const asset = session.assets().getAssetBytes(id);
    if (asset) assets.push({ id, fileName: asset.fileName, mimeType: asset.mimeType, dataBase64: asset.bytes.toString('base64') });
  }
  const bundle: ArticleBundle = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    generator: DEFAULT_GENERATOR,
    article,
    authors,
    disclosures,
    assets,
  };
  bundle.revisions = review.revisions.forBundle(articleId);
  bundle.comments = review.comments.forBundle(articleId);
  bundle.spelling = spellingForBundle(session, article);
  return bundle;
}

export function encodeBundle(bundle: ArticleBundle): Buffer {
  return zlib.gzipSync(JSON.stringify(bundle), { level: 6 });
}

/**
 * The newsroom dictionary's words the article uses (not the whole dictionary: a bundle is one
 * article, and another newsroom has no use for this one's list of names), and its ignored words.
 */
function spellingForBundle(session: ExchangeSession, article: { id: string; headline: string; dek: string; body: readonly BlockElement[] }) {
  const spelling = spellingOf(session);
  const used = new KnownWords(wordsToCheck(`${article.headline}\n${article.dek}\n${bodyPlainText(article.body)}`).map((h) => h.word));
  const limit = BUNDLE_LIMITS.words;
  return {
    newsroomWords: spelling
      .listWords()
      .map((w) => w.word)
      .filter((w) => used.has(w))
      .slice(0, limit),
    ignoredWords: spelling.ignoredWords(article.id).slice(0, limit),
  };
}
