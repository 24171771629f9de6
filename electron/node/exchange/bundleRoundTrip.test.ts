/**
 * Bundles between two real database files: everything an article carries comes back whole
 * (compared as content, with asset ids replaced by the bytes they name), and a disclosure
 * template both desks edited merges without breaking either desk's library.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disclosureBlock } from '../../../shared/library/blocks';
import type { DisclosureInput } from '../../../shared/library/entries';
import type { ArticleBody, BlockElement, InlineNode } from '../../../shared/model/document';
import type { Profile } from '../../../shared/model/review';
import { DatabaseSession } from '../session';
import { SEED_IDS } from '../store/seed';
import { exportArticle } from './exportService';
import { importFile } from './importService';

const PNG = fs.readFileSync(path.resolve(__dirname, '../../../e2e/fixtures/images/test-photo.png'));
const editor: Profile = { name: 'Tomas Okafor', role: 'editor' };
const writer: Profile = { name: 'Mara Lindqvist', role: 'writer' };

let dir: string;
const open: DatabaseSession[] = [];
function desk(name: string, seed: boolean): DatabaseSession {
  const session = new DatabaseSession(path.join(dir, name), { seedOnCreate: seed });
  open.push(session);
  return session;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-roundtrip-'));
});
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha = (bytes: Buffer | undefined) => (bytes ? `sha256:${createHash('sha256').update(bytes).digest('hex')}` : 'missing');

/** The body with every asset id replaced by the hash of the bytes it names in that database. */
function bodyByContent(session: DatabaseSession, body: ArticleBody): ArticleBody {
  const bytesOf = (id: string) => (id ? sha(session.assets().getAssetBytes(id)?.bytes) : '');
  return body.map((block): BlockElement => {
    if (block.type === 'image') return { ...block, assetId: bytesOf(block.assetId) };
    if (block.type === 'author-bio') return { ...block, snapshot: { ...block.snapshot, photoAssetId: bytesOf(block.snapshot.photoAssetId) } };
    return block;
  });
}

/** Everything a bundle promises to carry for one article, free of local ids and bookkeeping. */
function contentOf(session: DatabaseSession, articleId: string) {
  const article = session.store().getArticle(articleId);
  const library = session.library();
  const review = session.review();
  const authorIds = new Set(article.bylineAuthorIds);
  const templateIds = new Set<string>();
  for (const b of article.body) {
    if (b.type === 'author-bio') authorIds.add(b.authorId);
    if (b.type === 'ai-disclosure') templateIds.add(b.templateId);
  }
  const authors = [...authorIds].sort().map((id) => {
    const { updatedAt: _u, photoAssetId, ...author } = library.getAuthor(id);
    return { ...author, photo: photoAssetId ? sha(session.assets().getAssetBytes(photoAssetId)?.bytes) : '' };
  });
  const templates = [...templateIds].sort().map((id) => {
    const { updatedAt: _u, ...template } = library.getDisclosure(id);
    return { ...template, versions: library.disclosureVersions(id) };
  });
  const revisions = review.revisions.forBundle(articleId).map((r) => ({ ...r, fields: { ...r.fields, body: bodyByContent(session, r.fields.body) } }));
  return {
    article: { ...article, body: bodyByContent(session, article.body) },
    authors,
    templates,
    revisions,
    comments: review.comments.listThreads(articleId),
  };
}

/** A desk whose sample article uses every part a bundle carries. */
function richArticle(session: DatabaseSession): string {
  const store = session.store();
  const library = session.library();
  const review = session.review();
  const articleId = store.listArticles({ view: 'active' }).items[0]!.id;

  const photo = session.assets().putAsset('mara.png', 'image/png', PNG);
  const mara = library.getAuthor(SEED_IDS.authorMara);
  const { version: _v, updatedAt: _u, archived: _a, id: _i, ...maraInput } = mara;
  library.updateAuthor(mara.id, mara.version, {
    ...maraInput,
    photoAssetId: photo,
    profileLinks: [
      { label: 'Mastodon', url: 'https://social.example/@mara' },
      { label: 'Email', url: 'mailto:mara@example.org' },
    ],
  });

  const illustration: DisclosureInput = {
    title: 'AI illustration',
    text: [{ text: 'The map was drawn with AI. ' }, { type: 'link', url: 'https://example.org/ai', children: [{ text: 'Policy' }] }],
    policyUrl: 'https://example.org/ai',
    covers: ['images'],
  };
  const created = library.createDisclosure(illustration);
  const images = library.updateDisclosure(created.id, 1, {
    ...illustration,
    text: [{ text: 'The map was generated with AI and checked by our graphics desk.' }],
  }).entry;

  const article = store.getArticle(articleId);
  const imageId = session.assets().putAsset('harbour.png', 'image/png', PNG);
  const body: ArticleBody = [
    ...article.body,
    { type: 'image', assetId: imageId, alt: 'The harbour', caption: 'Gates', credit: 'Desk', children: [{ text: '' }] },
    disclosureBlock(images),
  ];
  store.saveArticle(articleId, article.version, {
    body,
    aiDeclaration: { uses: ['images'], tools: 'An image model', note: '' },
    bylineAuthorIds: [SEED_IDS.authorMara, SEED_IDS.authorTomas],
  });
  review.revisions.snapshot(articleId, 'manual', 'Before the edit', writer);

  const anchor = { anchor: { path: [0, 0], offset: 0 }, focus: { path: [0, 0], offset: 5 }, quote: 'Harbo' };
  const open = review.comments.createThread(articleId, anchor, 'Check the figure.', editor);
  review.comments.reply(open.id, 'Checked against the council minutes.', writer);
  const done = review.comments.createThread(articleId, { ...anchor, quote: 'Harbour' }, 'Spelling?', editor);
  review.comments.setResolved(done.id, true, writer);
  const orphan = review.comments.createThread(articleId, anchor, 'This paragraph went.', editor);
  review.comments.updateAnchors(articleId, [{ threadId: orphan.id, anchor: null }]);
  // Replies to a suggestion travel as a thread that names it.
  review.comments.createThread(articleId, anchor, 'Why cut this?', editor, 'sugg-1');
  return articleId;
}

async function bundleOf(session: DatabaseSession, articleId: string): Promise<Buffer> {
  const [file] = await exportArticle(session, articleId, 'bundle', path.join(dir, `out-${open.indexOf(session)}`));
  return fs.readFileSync(file!);
}

describe('a bundle between two database files', () => {
  it('brings back the whole article, its authors, disclosure templates with every version and use, revisions and comments', async () => {
    const from = desk('from.db', true);
    const articleId = richArticle(from);
    const bytes = await bundleOf(from, articleId);

    const to = desk('to.db', false);
    const result = await importFile(to, 'story.newsroom', bytes);
    expect(result).toMatchObject({ kind: 'imported', warnings: [] });

    const sent = contentOf(from, articleId);
    const received = contentOf(to, result.articleId);
    expect(received).toEqual(sent);
    // The comparison is not vacuous: the parts that were lost before are there.
    expect(sent.templates.find((t) => t.title === 'AI illustration')).toMatchObject({ covers: ['images'], version: 2 });
    expect(sent.templates.find((t) => t.title === 'AI illustration')!.versions).toHaveLength(2);
    expect(sent.authors.find((a) => a.id === SEED_IDS.authorMara)!.profileLinks).toHaveLength(2);
    expect(sent.authors.find((a) => a.id === SEED_IDS.authorMara)).toMatchObject({ photo: sha(PNG), version: 2 });
    // A bio block names a version this desk has.
    const bio = received.article.body.find((b) => b.type === 'author-bio');
    expect(bio && to.library().authorVersion(bio.authorId, bio.version)).toBeDefined();
    expect(sent.revisions.length).toBeGreaterThan(0);
    expect(sent.comments.map((c) => [c.resolved, c.anchor === undefined, c.messages.length, c.suggestionId])).toEqual([
      [false, false, 2, undefined],
      [true, false, 1, undefined],
      [false, true, 1, undefined],
      [false, false, 1, 'sugg-1'],
    ]);
  });

  it('merges a template both desks edited: both histories stay readable and it stays editable', async () => {
    const edit = (session: DatabaseSession, words: string) => {
      const t = session.library().getDisclosure(SEED_IDS.disclosure);
      return session.library().updateDisclosure(t.id, t.version, { title: t.title, text: [{ text: words }], policyUrl: t.policyUrl, covers: t.covers }).entry;
    };
    const from = desk('from.db', true);
    edit(from, 'Desk A wrote this.');
    const articleId = from.store().listArticles({ view: 'active' }).items[0]!.id;
    const bytes = await bundleOf(from, articleId);

    const to = desk('to.db', true);
    edit(to, 'Desk B wrote this.');
    const result = await importFile(to, 'story.newsroom', bytes);
    expect(result.kind).toBe('imported');

    const library = to.library();
    const firstText = (nodes: readonly InlineNode[]) => (nodes[0] && 'text' in nodes[0] ? nodes[0].text : '');
    const texts = () => library.disclosureVersions(SEED_IDS.disclosure).map((v) => [v.version, firstText(v.text)]);
    const seedText = firstText(library.disclosureVersions(SEED_IDS.disclosure).find((v) => v.version === 1)!.text);
    expect(texts()).toEqual([
      [3, 'Desk A wrote this.'],
      [2, 'Desk B wrote this.'],
      [1, seedText],
    ]);
    // This desk's current version is unchanged; the imported block points at desk A's words here.
    expect(library.getDisclosure(SEED_IDS.disclosure).version).toBe(2);
    const block = to
      .store()
      .getArticle(articleId)
      .body.find((b) => b.type === 'ai-disclosure');
    expect(block).toMatchObject({ version: 3, snapshot: { text: [{ text: 'Desk A wrote this.' }] } });

    // The same bundle again adds no versions.
    await importFile(to, 'story.newsroom', bytes, { onConflict: 'keep-both' });
    expect(texts()).toHaveLength(3);

    // Editable afterwards, and edits reach the imported draft's synced block.
    const edited = edit(to, 'Desk B, revised.');
    expect(edited.version).toBe(4);
    expect(edit(to, 'Desk B, revised again.').version).toBe(5);
    expect(
      to
        .store()
        .getArticle(articleId)
        .body.find((b) => b.type === 'ai-disclosure'),
    ).toMatchObject({ version: 5 });
  });
});
