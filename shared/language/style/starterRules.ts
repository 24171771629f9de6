/**
 * The house style a new desk starts with, in our own words. Editors change, archive or add to it in the
 * Style area; the ids are fixed so a newsroom server's rule of the same id takes the desk's place.
 */
import type { StyleRuleInput } from './rules';

export type StarterRule = StyleRuleInput & { id: string };

export const STARTER_STYLE_RULES: readonly StarterRule[] = [
  {
    id: 'style-email',
    name: 'email, not e-mail',
    find: { kind: 'words', terms: ['e-mail', 'e-mails', 'e-mailed'] },
    matchCase: false,
    replacement: 'email',
    fixCase: 'as-written',
    message: '',
    category: 'spelling',
    severity: 'warning',
  },
  {
    id: 'style-percent',
    // Newsroom choice: some houses write “per cent”. Swap the term and the replacement to choose it.
    name: 'percent, not per cent',
    find: { kind: 'words', terms: ['per cent'] },
    matchCase: false,
    replacement: 'percent',
    fixCase: 'as-written',
    message: 'House style: “percent”, one word.',
    category: 'numbers',
    severity: 'warning',
  },
  {
    id: 'style-numerals-from-ten',
    name: 'Numerals from 10 up',
    find: {
      kind: 'words',
      terms: [
        'ten',
        'eleven',
        'twelve',
        'thirteen',
        'fourteen',
        'fifteen',
        'sixteen',
        'seventeen',
        'eighteen',
        'nineteen',
        'twenty',
        'thirty',
        'forty',
        'fifty',
        'sixty',
        'seventy',
        'eighty',
        'ninety',
      ],
    },
    matchCase: false,
    replacement: '',
    fixCase: 'as-written',
    message: 'Numbers from 10 up are written in numerals (10, 25, 90); one to nine in words.',
    category: 'numbers',
    severity: 'warning',
  },
  {
    id: 'style-very-unique',
    name: 'No “very unique”',
    find: { kind: 'words', terms: ['very unique', 'most unique', 'quite unique', 'rather unique'] },
    matchCase: false,
    replacement: 'unique',
    fixCase: 'as-written',
    message: 'Unique has no degrees: “unique”, or say what is unusual.',
    category: 'usage',
    severity: 'error',
  },
  {
    id: 'style-dateline-capitals',
    name: 'Datelines in capitals',
    // A paragraph that opens with a place and a dash (“London — ”) is a dateline.
    find: { kind: 'pattern', pattern: '^(\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?)( [—–] )' },
    matchCase: true,
    replacement: '$1$2',
    fixCase: 'upper',
    message: 'Datelines are in capitals: “LONDON — ”.',
    category: 'datelines',
    severity: 'warning',
  },
  {
    id: 'style-titles-before-names',
    name: 'Titles before names are capitalized',
    find: {
      kind: 'pattern',
      pattern: '\\b(president|prime minister|senator|governor|mayor|chancellor|minister|judge|professor|general)( \\p{Lu}\\p{Ll}+)',
    },
    matchCase: true,
    replacement: '$1$2',
    fixCase: 'title',
    message: 'A title just before a name is capitalized (“Mayor Ortiz”); after a name it is not (“Ortiz, the mayor”).',
    category: 'titles',
    severity: 'warning',
  },
];
