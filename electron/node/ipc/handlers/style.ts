import { randomUUID } from 'node:crypto';
import type { styleChannels } from '../../../../shared/ipc/channels/style';
import { AppError } from '../../../../shared/ipc/contract';
import type { FullHandlerContext, HandlerGroup } from './context';

export const STYLE_EDITORS_SENTENCE = 'Only editors change the house style; writers see its findings in their text.';

/**
 * The house style. Rules are changed by editors only (the newsroom account's role when signed in,
 * else the desk's profile); the newsroom's rules, and a signed-in editor's new ones, go through the
 * server first (`sync.library()`), like the other libraries. Anyone may ignore a finding in an article.
 */
export function styleHandlers(ctx: FullHandlerContext): HandlerGroup<keyof typeof styleChannels> {
  const styles = () => ctx.session.library().styles;
  const newsroom = () => ctx.sync.library();
  const requireEditor = () => {
    const actor = ctx.sync.accountProfile() ?? ctx.session.review().settings.profile();
    if (actor?.role !== 'editor') throw new AppError('NOT_ALLOWED', STYLE_EDITORS_SENTENCE);
  };
  return {
    'styleRules:list': (req) => styles().listRules(req),
    'styleRules:create': async ({ rule }) => {
      requireEditor();
      const id = randomUUID();
      return (await newsroom().createStyleRule(id, rule)) ?? styles().createRule(rule, id);
    },
    'styleRules:update': async ({ id, baseVersion, rule }) => {
      requireEditor();
      return (await newsroom().updateStyleRule(id, baseVersion, rule)) ?? styles().updateRule(id, baseVersion, rule);
    },
    'styleRules:setArchived': async ({ id, archived }) => {
      requireEditor();
      return (await newsroom().setStyleRuleArchived(id, archived)) ?? styles().setRuleArchived(id, archived);
    },
    'styleRules:versions': ({ id }) => styles().ruleVersions(id),
    'styleIgnores:list': ({ articleId }) => styles().ignoredKeys(articleId),
    'styleIgnores:set': ({ articleId, key, ignored }) => styles().setIgnored(articleId, key, ignored),
  };
}
