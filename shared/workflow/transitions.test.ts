import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES } from '../model/article';
import { allowedActions, planTransition, ROLES, TRANSITIONS, WORKFLOW_ACTIONS } from './transitions';

describe('workflow transitions', () => {
  it('follows draft → submitted → in edit → approved → exported', () => {
    expect(planTransition('draft', 'submit', 'writer')).toMatchObject({ ok: true, to: 'submitted' });
    expect(planTransition('submitted', 'start-edit', 'editor')).toMatchObject({ ok: true, to: 'in-edit' });
    expect(planTransition('in-edit', 'approve', 'editor')).toMatchObject({ ok: true, to: 'approved', needsCleanChecklist: true });
    expect(planTransition('approved', 'export', 'editor')).toMatchObject({ ok: true, to: 'exported', needsCleanChecklist: true });
  });

  it('lets an editor return an article to the writer, with a note', () => {
    expect(planTransition('submitted', 'return', 'editor')).toMatchObject({ ok: true, to: 'draft', needsNote: true });
    expect(planTransition('in-edit', 'return', 'editor')).toMatchObject({ ok: true, to: 'draft', needsNote: true });
    expect(planTransition('in-edit', 'return', 'writer').ok).toBe(false);
  });

  it('refuses editor-only steps to writers and explains why', () => {
    for (const action of ['start-edit', 'approve', 'export', 'reopen'] as const) {
      for (const from of ARTICLE_STATUSES) {
        expect(planTransition(from, action, 'writer').ok, `${action} from ${from}`).toBe(false);
      }
    }
    const refused = planTransition('in-edit', 'approve', 'writer');
    expect(refused.ok || refused.reason).toMatch(/writer cannot approve/);
  });

  it('refuses skipping steps', () => {
    expect(planTransition('draft', 'approve', 'editor').ok).toBe(false);
    expect(planTransition('submitted', 'approve', 'editor').ok).toBe(false);
    expect(planTransition('draft', 'export', 'editor').ok).toBe(false);
    expect(planTransition('exported', 'submit', 'writer').ok).toBe(false);
  });

  it('spikes any live article (editors) or a draft (writers) and restores to draft', () => {
    for (const from of ['draft', 'submitted', 'in-edit', 'approved', 'exported'] as const) {
      expect(planTransition(from, 'spike', 'editor')).toMatchObject({ ok: true, to: 'spiked' });
    }
    expect(planTransition('draft', 'spike', 'writer').ok).toBe(true);
    expect(planTransition('submitted', 'spike', 'writer').ok).toBe(false);
    expect(planTransition('spiked', 'spike', 'editor').ok).toBe(false);
    expect(planTransition('spiked', 'restore', 'writer')).toMatchObject({ ok: true, to: 'draft' });
  });

  it('offers each role exactly the actions the plan accepts', () => {
    expect(allowedActions('draft', 'writer')).toEqual(['submit', 'spike']);
    expect(allowedActions('submitted', 'writer')).toEqual(['withdraw']);
    expect(allowedActions('submitted', 'editor')).toEqual(['start-edit', 'return', 'spike']);
    expect(allowedActions('in-edit', 'editor')).toEqual(['return', 'approve', 'spike']);
    for (const status of ARTICLE_STATUSES) {
      for (const role of ROLES) {
        for (const action of WORKFLOW_ACTIONS) {
          expect(allowedActions(status, role).includes(action)).toBe(planTransition(status, action, role).ok);
        }
      }
    }
  });

  it('never leads to the status it came from', () => {
    for (const [action, rule] of Object.entries(TRANSITIONS)) {
      expect(rule.from.includes(rule.to), action).toBe(false);
    }
  });
});
