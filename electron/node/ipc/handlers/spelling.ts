import type { spellingChannels } from '../../../../shared/ipc/channels/spelling';
import type { FullHandlerContext, HandlerGroup } from './context';

/** Who added a word: the newsroom account, else the desk's profile, else this desk (spelling needs no role). */
function adder(ctx: FullHandlerContext): string {
  return ctx.sync.accountProfile()?.name ?? ctx.session.review().settings.profile()?.name ?? 'This desk';
}

export function spellingHandlers(ctx: FullHandlerContext): HandlerGroup<keyof typeof spellingChannels> {
  const spelling = () => ctx.session.spelling();
  return {
    'dictionary:list': () => spelling().listWords(),
    // Signed in: through the newsroom server, so every desk gets it; solo or offline: this desk's own.
    'dictionary:add': async ({ word }) => {
      const shared = await ctx.sync.addDictionaryWord(word.trim());
      const entry = spelling()
        .listWords()
        .find((w) => w.word.toLowerCase() === word.trim().toLowerCase());
      return shared && entry ? entry : spelling().addWord(word, adder(ctx));
    },
    'dictionary:remove': ({ word }) => (spelling().removeWord(word), null),
    'spelling:ignored': ({ articleId }) => spelling().ignoredWords(articleId),
    'spelling:ignore': ({ articleId, word }) => spelling().ignoreWord(articleId, word),
    'spelling:unignore': ({ articleId, word }) => spelling().unignoreWord(articleId, word),
  };
}
