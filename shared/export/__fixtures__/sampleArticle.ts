/** Test fixtures: the seed article as exporters receive it, and a hostile article. */
import type { Article, Author } from '../../model/article';
import type { ArticleBody } from '../../model/document';
import { sampleArticleBody, SEED_IDS } from '../../../electron/node/store/seed';
import type { ExportInput } from '../exportInput';

export const mara: Author = {
  id: SEED_IDS.authorMara,
  name: 'Mara Lindqvist',
  jobTitle: 'Staff Writer',
  bio: [{ text: 'I am a staff writer.' }],
  email: 'mara.lindqvist@example.org',
  photoAssetId: '',
  readMoreUrl: 'https://example.org/authors/mara-lindqvist',
  archived: false,
  version: 1,
  updatedAt: '2025-05-08T09:00:00.000Z',
};

export function makeArticle(body: ArticleBody, overrides: Partial<Article> = {}): Article {
  return {
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    status: 'approved',
    version: 3,
    createdAt: '2025-05-07T18:30:00.000Z',
    updatedAt: '2025-05-08T09:15:00.000Z',
    trashedAt: undefined,
    headline: 'Harbour City Votes to Build Flood Barrier After Decade of Debate',
    dek: 'Councillors approved a 412 million euro movable barrier to shield the old town from storm surges.',
    slug: 'harbour-city-votes-to-build-flood-barrier',
    slugLocked: false,
    section: 'Climate',
    tags: ['flooding', 'local government'],
    bylineAuthorIds: [SEED_IDS.authorMara],
    dateline: 'VESTMARK',
    seoTitle: '',
    seoDescription: '',
    plannedLength: 600,
    deadline: '',
    aiDeclaration: { uses: ['research', 'editing'], tools: 'Transcription assistant', note: 'Quotes checked against recordings.' },
    language: 'en-GB',
    body,
    ...overrides,
  };
}

export function sampleInput(overrides: Partial<Article> = {}): ExportInput {
  return {
    article: makeArticle(sampleArticleBody(), overrides),
    authors: [mara],
    assetUrl: (id) => (id ? `images/${id}.jpg` : undefined),
    now: new Date('2025-05-08T10:00:00.000Z'),
  };
}

export const HOSTILE = {
  script: '<script>alert(1)</script>',
  attr: '" onmouseover="x',
  img: '<img src=x onerror=alert(1)>',
  rlo: 'Harmless \u202Egnp.exe\u202C headline',
};

/** Every block type, filled with hostile text and URLs. */
export function hostileInput(): ExportInput {
  const body: ArticleBody = [
    { type: 'paragraph', children: [{ text: `${HOSTILE.script} ${HOSTILE.attr} ${HOSTILE.img}` }] },
    {
      type: 'paragraph',
      children: [
        { text: 'a ' },
        { type: 'link', url: 'javascript:alert(1)', children: [{ text: 'js link' }] },
        { text: ' b ' },
        { type: 'link', url: ' JaVaScRiPt:alert(1)', children: [{ text: 'mixed case' }] },
        { text: ' c ' },
        { type: 'link', url: 'java\tscript:alert(1)', children: [{ text: 'tab' }] },
        { text: ' d ' },
        { type: 'link', url: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', children: [{ text: 'data link' }] },
        { text: ' e ' },
        { type: 'link', url: `https://example.org/?q=${HOSTILE.attr}`, children: [{ text: HOSTILE.img }] },
        { text: '' },
      ],
    },
    { type: 'heading', level: 1, children: [{ text: HOSTILE.script, bold: true }] },
    { type: 'pull-quote', attribution: HOSTILE.attr, children: [{ text: HOSTILE.img }] },
    { type: 'list-item', list: 'bulleted', depth: 0, children: [{ text: HOSTILE.script }] },
    { type: 'image', assetId: 'x" onerror="alert(1)', alt: HOSTILE.attr, caption: HOSTILE.script, credit: HOSTILE.img, children: [{ text: '' }] },
    { type: 'embed', url: 'javascript:alert(1)', caption: HOSTILE.script, children: [{ text: '' }] },
    { type: 'editors-note', kind: 'correction', date: '2025-05-08', children: [{ text: HOSTILE.img }] },
    { type: 'promo-box', title: HOSTILE.script, children: [{ type: 'paragraph', children: [{ text: HOSTILE.attr }] }] },
    {
      type: 'author-bio',
      authorId: 'x',
      mode: 'detached',
      version: 1,
      snapshot: {
        name: HOSTILE.script,
        jobTitle: HOSTILE.attr,
        bio: [{ text: HOSTILE.img }],
        photoAssetId: 'javascript:alert(1)',
        readMoreUrl: 'javascript:alert(1)',
      },
      children: [{ text: '' }],
    },
    {
      type: 'ai-disclosure',
      templateId: 't',
      mode: 'frozen',
      version: 1,
      snapshot: {
        title: HOSTILE.attr,
        text: [{ text: 'See ' }, { type: 'link', url: 'data:text/html,<script>alert(1)</script>', children: [{ text: 'policy' }] }, { text: '' }],
        policyUrl: 'javascript:alert(1)',
      },
      children: [{ text: '' }],
    },
  ];
  return {
    article: makeArticle(body, { headline: `${HOSTILE.rlo} ${HOSTILE.script}`, dek: HOSTILE.attr, slug: HOSTILE.attr, tags: [HOSTILE.script] }),
    authors: [{ ...mara, name: `${HOSTILE.script}\u202E` }],
    assetUrl: (id) => (id.startsWith('javascript') ? 'javascript:alert(1)' : `images/${id}.jpg`),
    now: new Date('2025-05-08T10:00:00.000Z'),
  };
}
