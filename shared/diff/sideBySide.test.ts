import { describe, expect, it } from 'vitest';
import type { ArticleBody } from '../model/document';
import { alignVersions, changeRows, describeChange } from './sideBySide';
import { diffVersions } from './wordDiff';

const body = (...texts: string[]): ArticleBody => texts.map((text) => ({ type: 'paragraph', children: [{ text }] }));
const version = (...texts: string[]) => ({ headline: 'Ferry fares rise', dek: 'From June.', body: body(...texts) });
const words = (parts: { text: string }[] | undefined) => parts?.map((p) => p.text).join('');

describe('alignVersions', () => {
  it('puts an unchanged block beside itself and an edited block beside its edit, words marked on each side', () => {
    const rows = alignVersions(diffVersions(version('Tickets cost more.', 'Routes change in June.'), version('Tickets cost more.', 'Routes change in July.')));
    const bodyRows = rows.filter((r) => r.field === 'body');
    expect(bodyRows.map((r) => r.kind)).toEqual(['same', 'changed']);
    const edited = bodyRows[1]!;
    expect(words(edited.left)).toBe('Routes change in June.');
    expect(words(edited.right)).toBe('Routes change in July.');
    expect(edited.left!.filter((p) => p.kind !== 'same').map((p) => [p.kind, p.text.trim()])).toEqual([['removed', 'June']]);
    expect(edited.right!.filter((p) => p.kind !== 'same').map((p) => [p.kind, p.text.trim()])).toEqual([['added', 'July']]);
  });

  it('lines up an added block against a gap on the left and a removed one against a gap on the right, keeping the blocks around them aligned', () => {
    const rows = alignVersions(diffVersions(version('One.', 'Two.', 'Three.'), version('One.', 'Three.', 'Four is new.')));
    const bodyRows = rows.filter((r) => r.field === 'body');
    expect(bodyRows.map((r) => [r.kind, words(r.left), words(r.right)])).toEqual([
      ['same', 'One.', 'One.'],
      ['removed', 'Two.', undefined],
      ['same', 'Three.', 'Three.'],
      ['added', undefined, 'Four is new.'],
    ]);
  });

  it('puts a rewritten paragraph beside the one it replaced', () => {
    const rows = alignVersions(
      diffVersions(version('Keep.', 'The council met on Monday evening.', 'End.'), version('Keep.', 'Completely different words here now.', 'End.')),
    );
    const replaced = rows.filter((r) => r.field === 'body' && r.kind !== 'same');
    expect(replaced.map((r) => [r.kind, words(r.left), words(r.right)])).toEqual([
      ['replaced', 'The council met on Monday evening.', 'Completely different words here now.'],
    ]);
  });

  it('counts each changed row once, in reading order, the headline and dek included', () => {
    const before = { headline: 'Ferry fares rise', dek: 'From June.', body: body('A.', 'B.', 'C.') };
    const after = { headline: 'Ferry fares rise again', dek: 'From June.', body: body('A.', 'B changed.', 'C.', 'D.') };
    const rows = alignVersions(diffVersions(before, after));
    const changes = changeRows(rows);
    expect(changes.map((i) => rows[i]!.field)).toEqual(['headline', 'body', 'body']);
    expect(rows.filter((r) => r.kind === 'same').length).toBe(rows.length - 3);
  });

  it('names insertions and deletions in words', () => {
    const rows = alignVersions(diffVersions(version('Routes change in June.'), version('Routes change in July.')));
    const change = rows[changeRows(rows)[0]!]!;
    expect(describeChange(change)).toBe('Paragraph changed: deleted “June”, inserted “July”');
  });

  it('shows nothing as changed when the versions are the same', () => {
    const rows = alignVersions(diffVersions(version('Same.'), version('Same.')));
    expect(changeRows(rows)).toEqual([]);
  });
});
