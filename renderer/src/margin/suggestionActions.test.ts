import { describe, expect, it } from 'vitest';
import { createEditor, type Descendant } from 'slate';
import type { ArticleBody } from '../../../shared/model/document';
import { bodyWithEverySuggestion, meta } from '../../../shared/suggestions/fixtures';
import { listSuggestions } from '../../../shared/suggestions/list';
import { suggestionActions } from './suggestionActions';

function editorWith(body: ArticleBody) {
  const editor = createEditor();
  editor.children = structuredClone(body) as Descendant[];
  return editor;
}
const paragraph = (...children: object[]) => ({ type: 'paragraph', children }) as ArticleBody[number];

describe('accepting and rejecting a suggestion', () => {
  const body: ArticleBody = [paragraph({ text: 'Fares ' }, { text: 'will ', ins: meta('s-ins') }, { text: 'may ', del: meta('s-del') }, { text: 'rise.' })];

  it('accepting an insertion keeps its words as plain text; rejecting removes them', () => {
    const accepted = editorWith(body);
    suggestionActions.accept(accepted, 's-ins');
    expect(accepted.children).toEqual([paragraph({ text: 'Fares will ' }, { text: 'may ', del: meta('s-del') }, { text: 'rise.' })]);
    const rejected = editorWith(body);
    suggestionActions.reject(rejected, 's-ins');
    expect(rejected.children).toEqual([paragraph({ text: 'Fares ' }, { text: 'may ', del: meta('s-del') }, { text: 'rise.' })]);
  });

  it('accepting a deletion removes its words; rejecting keeps them', () => {
    const accepted = editorWith(body);
    suggestionActions.accept(accepted, 's-del');
    expect(accepted.children).toEqual([paragraph({ text: 'Fares ' }, { text: 'will ', ins: meta('s-ins') }, { text: 'rise.' })]);
    const rejected = editorWith(body);
    suggestionActions.reject(rejected, 's-del');
    expect(rejected.children).toEqual([paragraph({ text: 'Fares ' }, { text: 'will ', ins: meta('s-ins') }, { text: 'may rise.' })]);
  });

  it('rejecting a format or a restyle puts back what was before; accepting keeps what is now', () => {
    const rejected = editorWith(bodyWithEverySuggestion());
    suggestionActions.reject(rejected, 's-fmt');
    suggestionActions.reject(rejected, 's-restyle');
    const [heading, para] = rejected.children as unknown as Array<Record<string, unknown> & { children: Array<Record<string, unknown>> }>;
    expect(heading).toEqual({ type: 'paragraph', children: [{ text: 'A heading that was a paragraph' }] });
    expect(para!.children.find((c) => c.text === 'bolded')).toEqual({ text: 'bolded', italic: true });
    const accepted = editorWith(bodyWithEverySuggestion());
    suggestionActions.accept(accepted, 's-fmt');
    suggestionActions.accept(accepted, 's-restyle');
    const [h2, p2] = accepted.children as unknown as Array<Record<string, unknown> & { children: Array<Record<string, unknown>> }>;
    expect(h2).toEqual({ type: 'heading', level: 2, children: [{ text: 'A heading that was a paragraph' }] });
    expect(p2!.children.find((c) => c.text === 'bolded')).toEqual({ text: 'bolded', bold: true });
  });

  it('leaves no trace of a settled suggestion, and the others untouched', () => {
    const editor = editorWith(bodyWithEverySuggestion());
    const before = listSuggestions(editor.children as ArticleBody).length;
    suggestionActions.accept(editor, 's-link');
    suggestionActions.reject(editor, 's-break');
    const left = listSuggestions(editor.children as ArticleBody).map((s) => s.id);
    expect(left).not.toContain('s-link');
    expect(left).not.toContain('s-break');
    expect(left.length).toBe(before - 2);
  });
});
