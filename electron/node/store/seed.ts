/**
 * The demo newsroom a first run starts with: two authors, a default AI-use
 * disclosure template and one sample article laid out like a finished page
 * (headline, dek, body, promo box, author bio, disclosure line).
 */
import type { ArticleBody, InlineNode } from '../../../shared/model/document';
import { paragraph } from '../../../shared/model/document';
import type { ArticleStore } from './articleStore';
import type { LibraryStore } from './libraryStore';

export const SEED_IDS = {
  authorMara: 'author-mara-lindqvist',
  authorTomas: 'author-tomas-okafor',
  disclosure: 'disclosure-ai-newsroom-tool',
} as const;

const maraBio: InlineNode[] = [
  { text: 'I am a staff writer on the ' },
  { text: 'climate and cities', bold: true },
  { text: ' desk. I cover flood defence, housing and how local budgets meet a changing coast.' },
];

const tomasBio: InlineNode[] = [
  { text: 'I edit the ' },
  { text: 'international desk', italic: true },
  { text: ' and write about trade, ports and the people who work them.' },
];

const disclosureText: InlineNode[] = [
  { text: 'To read how Newsroom Desk uses AI as a newsroom tool, ' },
  { type: 'link', url: 'https://example.org/newsroom/ai-policy', children: [{ text: 'Click here' }] },
  { text: '.' },
];

export function sampleArticleBody(): ArticleBody {
  return [
    paragraph(
      'The harbour city of Vestmark will build a movable flood barrier across its inner port after the council voted 31 to 6 on Thursday night to fund the project, ending a decade of argument over how to protect the old town from storm surges.',
    ),
    paragraph(
      'The barrier, two steel gates that rest on the seabed and rise when a surge is forecast, is expected to cost 412 million euros and to be finished by 2031. The city will pay a third; the rest comes from national and European climate funds.',
    ),
    {
      type: 'paragraph',
      children: [
        { text: '"We have been lucky three winters in a row," said deputy mayor Ines Halvorsen. "' },
        { text: 'Luck is not a plan.', italic: true },
        { text: '"' },
      ],
    },
    paragraph(
      'Opponents argued that the money would be better spent raising quays and moving the most exposed homes, and that the gates would change how silt settles in the harbour. An independent review commissioned last year found the silt risk manageable but recommended dredging every five years.',
    ),
    paragraph(
      'Harbour businesses, which lost an estimated 18 million euros in the 2023 surge, welcomed the vote. Construction is due to start next spring, once the environmental permit is confirmed.',
    ),
    {
      type: 'promo-box',
      title: 'Uncommon Knowledge',
      children: [paragraph('Newsroom Desk is committed to challenging conventional wisdom and finding connections in the search for common ground.')],
    },
    {
      type: 'author-bio',
      authorId: SEED_IDS.authorMara,
      mode: 'synced',
      version: 1,
      snapshot: {
        name: 'Mara Lindqvist',
        jobTitle: 'Staff Writer',
        bio: maraBio,
        photoAssetId: '',
        readMoreUrl: 'https://example.org/authors/mara-lindqvist',
      },
      children: [{ text: '' }],
    },
    {
      type: 'ai-disclosure',
      templateId: SEED_IDS.disclosure,
      mode: 'synced',
      version: 1,
      snapshot: { title: 'AI as a newsroom tool', text: disclosureText, policyUrl: 'https://example.org/newsroom/ai-policy' },
      children: [{ text: '' }],
    },
  ];
}

/** Seeds an empty database; does nothing if any article exists. Returns true when it seeded. */
export function seedDemoNewsroom(store: ArticleStore, library: LibraryStore): boolean {
  if (store.articleCount() > 0) return false;
  const noLinks = { photoAssetId: '', profileLinks: [] };
  store.transaction(() => {
    library.createAuthor({
      ...noLinks,
      id: SEED_IDS.authorMara,
      name: 'Mara Lindqvist',
      jobTitle: 'Staff Writer',
      bio: maraBio,
      email: 'mara.lindqvist@example.org',
      readMoreUrl: 'https://example.org/authors/mara-lindqvist',
    });
    library.createAuthor({
      ...noLinks,
      id: SEED_IDS.authorTomas,
      name: 'Tomas Okafor',
      jobTitle: 'International Editor',
      bio: tomasBio,
      email: 'tomas.okafor@example.org',
      readMoreUrl: 'https://example.org/authors/tomas-okafor',
    });
    library.createDisclosure({
      id: SEED_IDS.disclosure,
      title: 'AI as a newsroom tool',
      text: disclosureText,
      policyUrl: 'https://example.org/newsroom/ai-policy',
      covers: ['research', 'drafting', 'editing', 'translation', 'transcription', 'other'],
    });
    store.createArticle({
      headline: 'Harbour City Votes to Build Flood Barrier After Decade of Debate',
      dek: 'Councillors approved a 412 million euro movable barrier to shield the old town from storm surges.',
      section: 'Climate',
      tags: ['flooding', 'local government'],
      bylineAuthorIds: [SEED_IDS.authorMara],
      dateline: 'VESTMARK',
      plannedLength: 600,
      // Consistent with its disclosure block (the checklist flags a "None" beside a disclosure of AI use).
      aiDeclaration: { uses: ['research', 'transcription'], tools: 'A transcription service', note: 'Every quote was checked against the recording.' },
      body: sampleArticleBody(),
    });
  });
  return true;
}
