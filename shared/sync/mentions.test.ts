import { describe, expect, it } from 'vitest';
import { mentionedAccounts } from './mentions';

const accounts = [
  { id: 'ana', name: 'Ana' },
  { id: 'ana-lima', name: 'Ana Lima' },
  { id: 'tomas', name: 'Tomas Okafor' },
  { id: 'lena', name: 'Lena Berg' },
  { id: 'lena-k', name: 'Lena Koch' },
];

describe('who a comment mentions', () => {
  it('finds whole display names in any case, the longest first', () => {
    expect(mentionedAccounts('@ana lima please check, cc @TOMAS OKAFOR', accounts)).toEqual(['ana-lima', 'tomas']);
    expect(mentionedAccounts('@Ana, and @Ana Lima', accounts)).toEqual(['ana', 'ana-lima']);
  });

  it('takes a first name only one account has, and not one that is shared or someone’s whole name', () => {
    expect(mentionedAccounts('@Tomas can you look?', accounts)).toEqual(['tomas']);
    expect(mentionedAccounts('@Lena can you look?', accounts)).toEqual([]);
    expect(mentionedAccounts('@Lena Koch can you look?', accounts)).toEqual(['lena-k']);
    // “Ana” is Ana's whole name: it does not also mean Ana Lima.
    expect(mentionedAccounts('@Ana look', accounts)).toEqual(['ana']);
  });

  it('ignores addresses, longer words and names without @', () => {
    expect(mentionedAccounts('mail x@tomas.org or @Tomaso; Tomas Okafor wrote it', accounts)).toEqual([]);
  });

  it('names each account once', () => {
    expect(mentionedAccounts('@Tomas and again @Tomas Okafor', accounts)).toEqual(['tomas']);
  });
});
