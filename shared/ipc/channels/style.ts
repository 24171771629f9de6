/** The house style: its rules (editors change them) and the findings a writer ignored in an article. */
import { z } from 'zod';
import { styleRuleInputSchema, type StyleRule, type StyleRuleVersion } from '../../language/style/rules';
import { channel, idSchema as id } from '../channel';

const version = z.number().int().min(1);
/** Finding keys are `style:<rule id>:<hash>` (shared/language/style/checkStyle.ts). */
const findingKey = z.string().min(1).max(200);

export const styleChannels = {
  'styleRules:list': channel<StyleRule[]>()(z.object({ includeArchived: z.boolean().optional() }).strict()),
  /** Editors only; a pattern that could run away is refused with its reason. */
  'styleRules:create': channel<StyleRule>()(z.object({ rule: styleRuleInputSchema }).strict()),
  /** A new version if the stored one is still baseVersion (else CONFLICT). Editors only. */
  'styleRules:update': channel<StyleRule>()(z.object({ id, baseVersion: version, rule: styleRuleInputSchema }).strict()),
  'styleRules:setArchived': channel<StyleRule>()(z.object({ id, archived: z.boolean() }).strict()),
  'styleRules:versions': channel<StyleRuleVersion[]>()(z.object({ id }).strict()),

  'styleIgnores:list': channel<string[]>()(z.object({ articleId: id }).strict()),
  /** Ignores (or stops ignoring) one finding in one article; answers the article's ignored keys. */
  'styleIgnores:set': channel<string[]>()(z.object({ articleId: id, key: findingKey, ignored: z.boolean() }).strict()),
} as const;
