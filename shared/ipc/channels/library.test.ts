import { describe, expect, it } from 'vitest';
import { libraryChannels } from './library';

const author = {
  name: 'Ines Halvorsen',
  jobTitle: 'Reporter',
  bio: [{ text: 'Writes about ' }, { type: 'link', url: 'mailto:ines@example.org', children: [{ text: 'ports' }] }],
  email: 'ines@example.org',
  photoAssetId: 'asset-1',
  readMoreUrl: 'https://example.org/ines',
  profileLinks: [{ label: 'Website', url: 'https://ines.example.org/' }],
};
const disclosure = { title: 'AI transcription', text: [{ text: 'Transcribed with AI.' }], policyUrl: 'https://example.org/ai', covers: ['transcription'] };
const ok = (channel: keyof typeof libraryChannels, payload: unknown) => libraryChannels[channel].request.safeParse(payload).success;

describe('library channels validate what a writer saves', () => {
  it('accepts a full author and a disclosure', () => {
    expect(ok('authors:create', { author })).toBe(true);
    expect(ok('authors:update', { id: 'a', baseVersion: 3, author })).toBe(true);
    expect(ok('disclosures:create', { disclosure })).toBe(true);
    expect(ok('disclosures:create', { disclosure: { ...disclosure, covers: [] } })).toBe(true);
  });

  it('allows only http, https and mailto links in a bio and profile links', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'java\tscript:x', '/relative']) {
      const bio = [{ type: 'link', url, children: [{ text: 'x' }] }];
      expect(ok('authors:create', { author: { ...author, bio } }), url).toBe(false);
      expect(ok('authors:create', { author: { ...author, profileLinks: [{ label: 'x', url }] } }), url).toBe(false);
      expect(ok('disclosures:create', { disclosure: { ...disclosure, text: bio } }), url).toBe(false);
    }
  });

  it('wants a name and a title, web addresses for read-more and policy, and a real email', () => {
    expect(ok('authors:create', { author: { ...author, name: '  ' } })).toBe(false);
    expect(ok('authors:create', { author: { ...author, readMoreUrl: 'mailto:x@example.org' } })).toBe(false);
    expect(ok('authors:create', { author: { ...author, readMoreUrl: '' } })).toBe(true);
    expect(ok('authors:create', { author: { ...author, email: 'ines' } })).toBe(false);
    expect(ok('authors:create', { author: { ...author, email: '' } })).toBe(true);
    expect(ok('disclosures:create', { disclosure: { ...disclosure, title: '' } })).toBe(false);
    expect(ok('disclosures:create', { disclosure: { ...disclosure, policyUrl: 'ftp://x' } })).toBe(false);
    expect(ok('disclosures:create', { disclosure: { ...disclosure, covers: ['magic'] } })).toBe(false);
  });

  it('refuses unknown fields, stale-version gaps and unconfirmed deletes', () => {
    expect(ok('authors:create', { author: { ...author, archived: true } })).toBe(false);
    expect(ok('authors:update', { id: 'a', baseVersion: 0, author })).toBe(false);
    expect(ok('authors:delete', { id: 'a' })).toBe(false);
    expect(ok('authors:delete', { id: 'a', confirm: true })).toBe(true);
    expect(ok('articles:freezeLibraryBlocks', { id: '' })).toBe(false);
    expect(ok('authors:list', {})).toBe(true);
    expect(ok('disclosures:list', { includeArchived: true })).toBe(true);
  });
});
