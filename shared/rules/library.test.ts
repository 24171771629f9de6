import { describe, expect, it } from 'vitest';
import { disclosureBlock } from '../library/blocks';
import type { DisclosureEntry } from '../library/entries';
import { noAiDeclaration, type AiUse } from '../model/article';
import { paragraph, type BlockElement } from '../model/document';
import { checkAiDisclosure, checkAuthorBios, declareUses, suggestTemplates, undeclaredUses, usesDisclosedIn } from './library';

const template = (id: string, title: string, covers: AiUse[], archived = false): DisclosureEntry => ({
  id,
  title,
  covers,
  archived,
  text: [{ text: title }],
  policyUrl: 'https://example.org/ai',
  version: 1,
  updatedAt: '',
});
const general = template('general', 'AI as a newsroom tool', ['research', 'drafting', 'editing', 'translation', 'transcription', 'other']);
const research = template('research', 'AI-assisted research', ['research']);
const images = template('images', 'AI-generated illustration', ['images']);
const none = template('none', 'No generative AI used', []);
const templates = [general, research, images, none];

const article = (uses: AiUse[], ...blocks: BlockElement[]) => ({
  aiDeclaration: { ...noAiDeclaration(), uses },
  body: [paragraph('Story.'), ...blocks],
});

describe('checkAiDisclosure', () => {
  it('asks nothing of an article that declares no AI use', () => {
    expect(checkAiDisclosure(article([]), templates)).toEqual([]);
    expect(checkAiDisclosure(article([], disclosureBlock(none)), templates)).toEqual([]);
  });

  it('flags a disclosure of AI use in an article whose declaration is None', () => {
    expect(checkAiDisclosure(article([], disclosureBlock(research)), templates)).toEqual([
      {
        id: 'ai-declaration-none-contradicts',
        level: 'error',
        message:
          'The AI-use declaration says None, but the disclosure “AI-assisted research” in the article tells readers AI was used. Declare the uses (Details › AI use) or remove that block.',
      },
    ]);
    // A template the desk no longer knows is still a disclosure of AI use, named by its snapshot.
    expect(checkAiDisclosure(article([], disclosureBlock(images)), [none]).map((r) => r.message)).toEqual([
      expect.stringContaining('the disclosure “AI-generated illustration”'),
    ]);
  });

  it('says what to add when a declaring article has no disclosure', () => {
    expect(checkAiDisclosure(article(['images', 'research']), templates)).toEqual([
      {
        id: 'ai-disclosure-missing',
        level: 'error',
        message:
          'This article declares AI use for research and images. Add an AI-use disclosure block that covers them (e.g. “AI-assisted research” and “AI-generated illustration”).',
      },
    ]);
    expect(checkAiDisclosure(article(['research']), templates)[0]!.message).toBe(
      'This article declares AI use for research. Add an AI-use disclosure block that covers it (e.g. “AI-assisted research”).',
    );
  });

  it('passes when the disclosure blocks together cover every declared use', () => {
    expect(checkAiDisclosure(article(['research'], disclosureBlock(research)), templates)).toEqual([]);
    expect(checkAiDisclosure(article(['research', 'images'], disclosureBlock(research), disclosureBlock(images)), templates)).toEqual([]);
    expect(checkAiDisclosure(article(['drafting', 'translation'], disclosureBlock(general)), templates)).toEqual([]);
  });

  it('names the uses a present disclosure does not cover', () => {
    const [finding] = checkAiDisclosure(article(['research', 'images'], disclosureBlock(research)), templates);
    expect(finding).toMatchObject({ id: 'ai-disclosure-incomplete', level: 'error' });
    expect(finding!.message).toBe(
      'The AI-use disclosure does not cover images, which this article declares. Add a disclosure block that covers it (e.g. “AI-generated illustration”).',
    );
  });

  it('flags a "no generative AI" disclosure on an article that declares AI use', () => {
    const result = checkAiDisclosure(article(['editing'], disclosureBlock(none)), templates);
    expect(result.map((r) => r.id)).toEqual(['ai-disclosure-contradicts', 'ai-disclosure-missing']);
    expect(result[0]!.message).toContain('“No generative AI used” says no generative AI was used');
  });

  it('counts a block whose template is gone as covering nothing', () => {
    const orphan = { ...disclosureBlock(research), templateId: 'deleted' };
    expect(checkAiDisclosure(article(['research'], orphan), templates)[0]!.id).toBe('ai-disclosure-incomplete');
  });

  it('does not suggest archived templates', () => {
    expect(suggestTemplates(['research'], [template('r', 'Old research', ['research'], true), general]).map((t) => t.title)).toEqual(['AI as a newsroom tool']);
    expect(checkAiDisclosure(article(['images']), [none])[0]!.message).toBe(
      'This article declares AI use for images. Add an AI-use disclosure block that covers it.',
    );
  });
});

describe('checkAuthorBios', () => {
  const bio = (authorId: string): BlockElement => ({
    type: 'author-bio',
    authorId,
    mode: 'synced',
    version: 1,
    snapshot: { name: '', jobTitle: '', bio: [], photoAssetId: '', readMoreUrl: '' },
    children: [{ text: '' }],
  });

  it('warns for each byline author without a bio block', () => {
    const names = new Map([['tomas', 'Tomas Okafor']]);
    expect(checkAuthorBios({ bylineAuthorIds: ['mara', 'tomas'], body: [paragraph('x'), bio('mara')] }, names)).toEqual([
      {
        id: 'author-bio-missing:tomas',
        level: 'warning',
        message: 'Tomas Okafor has no “About the writer” bio block. Insert it from the Insert menu or the byline.',
      },
    ]);
    expect(checkAuthorBios({ bylineAuthorIds: [], body: [paragraph('x')] })).toEqual([]);
  });
});

describe('declaring the uses a disclosure covers', () => {
  it('adds what the template covers to the declaration, in order, keeping tools and note', () => {
    const before = { uses: ['images' as const], tools: 'An image generator', note: 'Marked in the caption.' };
    expect(undeclaredUses(before, research.covers)).toEqual(['research']);
    expect(undeclaredUses(before, images.covers)).toEqual([]);
    const after = declareUses(before, general.covers);
    expect(after).toEqual({ ...before, uses: ['research', 'drafting', 'editing', 'translation', 'transcription', 'images', 'other'] });
    // A "None" that took the declared uses no longer contradicts the block.
    expect(checkAiDisclosure({ aiDeclaration: declareUses(noAiDeclaration(), general.covers), body: [disclosureBlock(general)] }, templates)).toEqual([]);
  });
  it('reads the uses disclosed in a body from its blocks’ templates', () => {
    expect(usesDisclosedIn([paragraph('x'), disclosureBlock(research), disclosureBlock(images), disclosureBlock(none)], templates)).toEqual([
      'research',
      'images',
    ]);
    expect(usesDisclosedIn([paragraph('x')], templates)).toEqual([]);
  });
});
