/** Bodies with one suggestion of every kind, for tests of the model's round trips. */
import type { ArticleBody } from '../model/document';
import type { SuggestionMeta } from '../model/suggestions';

export const meta = (id: string, authorId = 'ed-1', authorName = 'Edda Editor', at = '2026-12-02T04:00:00.000Z'): SuggestionMeta => ({
  id,
  authorId,
  authorName,
  at,
});

/** Every suggestion key the model has, each on the node kind that carries it. */
export function bodyWithEverySuggestion(): ArticleBody {
  return [
    {
      type: 'heading',
      level: 2,
      restyle: { ...meta('s-restyle'), before: { type: 'paragraph' } },
      children: [{ text: 'A heading that was a paragraph' }],
    },
    {
      type: 'paragraph',
      children: [
        { text: 'Kept, ' },
        { text: 'inserted', ins: meta('s-ins') },
        { text: ' and ' },
        { text: 'deleted', del: meta('s-del', 'wr-2', 'Wren Writer') },
        { text: ', ' },
        { text: 'bolded', bold: true, fmt: { ...meta('s-fmt'), before: ['italic'] } },
        { text: ' ' },
        { type: 'link', url: 'https://example.com/new', relink: { ...meta('s-link'), before: 'https://example.com/old' }, children: [{ text: 'a link' }] },
        { text: '.' },
      ],
    },
    { type: 'paragraph', insBreak: meta('s-break'), children: [{ text: 'Split off by a suggested break.' }] },
    {
      type: 'list-item',
      list: 'numbered',
      depth: 0,
      restyle: { ...meta('s-list'), before: { type: 'block-quote' } },
      children: [{ text: 'A list item that was a quote' }],
    },
  ];
}
