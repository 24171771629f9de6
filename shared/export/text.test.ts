import { describe, expect, it } from 'vitest';
import type { ArticleBody } from '../model/document';
import { hostileInput, makeArticle, sampleInput } from './__fixtures__/sampleArticle';
import { exportText } from './text';

describe('exportText', () => {
  it('lays out the seed article like the page', () => {
    const text = exportText(sampleInput());
    expect(text.startsWith('Harbour City Votes to Build Flood Barrier After Decade of Debate\n\nCouncillors approved')).toBe(true);
    expect(text).toContain('\n\nBy Mara Lindqvist\nVESTMARK\n\n');
    expect(text).toContain('┌── Uncommon Knowledge ');
    expect(text).toContain('│ Newsroom Desk is committed');
    expect(text).toContain('About the writer\nMara Lindqvist, Staff Writer\nI am a staff writer on the climate and cities desk.');
    expect(text).toContain('Read more [https://example.org/authors/mara-lindqvist]');
    expect(text).toContain('To read how Newsroom Desk uses AI as a newsroom tool, Click here [https://example.org/newsroom/ai-policy].');
  });

  it('indents nested lists with bullets and numbers', () => {
    const body: ArticleBody = [
      { type: 'list-item', list: 'numbered', depth: 0, children: [{ text: 'first' }] },
      { type: 'list-item', list: 'bulleted', depth: 1, children: [{ text: 'detail' }] },
      { type: 'list-item', list: 'numbered', depth: 0, children: [{ text: 'second' }] },
    ];
    const text = exportText({ article: makeArticle(body), authors: [], assetUrl: () => undefined });
    expect(text).toContain('1. first\n   • detail\n2. second');
  });

  it('writes hostile text inertly: no unsafe URLs, no bidi overrides', () => {
    const text = exportText(hostileInput());
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(text).not.toMatch(/javascript:|data:text/i);
    expect(text).toContain('js link');
  });
});
