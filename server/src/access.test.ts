import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../shared/model/article';
import { articleAccess } from './access';

const writer = { id: 'w', role: 'writer' as const, disabled: false };
const editor = { id: 'e', role: 'editor' as const, disabled: false };
const table = (account: typeof writer | typeof editor, ownerId: string) =>
  Object.fromEntries(ARTICLE_STATUSES.map((status: ArticleStatus) => [status, articleAccess(account, { ownerId, status })]));

describe('who may see and edit an article', () => {
  it('lets a writer edit only their own drafts and read their own articles otherwise', () => {
    expect(table(writer, 'w')).toEqual({ draft: 'write', submitted: 'read', 'in-edit': 'read', approved: 'read', exported: 'read', spiked: 'read' });
  });

  it('hides other writers’ articles from a writer', () => {
    expect(new Set(Object.values(table(writer, 'someone-else')))).toEqual(new Set(['none']));
  });

  it('lets editors see everything and edit whatever is not approved, exported or spiked', () => {
    expect(table(editor, 'w')).toEqual({ draft: 'write', submitted: 'write', 'in-edit': 'write', approved: 'read', exported: 'read', spiked: 'read' });
  });

  it('lets the assigned writer read and edit the article exactly as its owner does', () => {
    const assigned = Object.fromEntries(
      ARTICLE_STATUSES.map((status: ArticleStatus) => [status, articleAccess(writer, { ownerId: 'someone-else', status, assignment: { writerId: 'w' } })]),
    );
    expect(assigned).toEqual(table(writer, 'w'));
    const unassigned = ARTICLE_STATUSES.map((status) => articleAccess(writer, { ownerId: 'someone-else', status, assignment: { writerId: null } }));
    expect(new Set(unassigned)).toEqual(new Set(['none']));
    expect(articleAccess({ ...writer, disabled: true }, { ownerId: 'x', status: 'draft', assignment: { writerId: 'w' } })).toBe('none');
  });

  it('gives a disabled account nothing', () => {
    expect(new Set(Object.values(table({ ...editor, disabled: true }, 'e')))).toEqual(new Set(['none']));
    expect(new Set(Object.values(table({ ...writer, disabled: true }, 'w')))).toEqual(new Set(['none']));
  });
});
