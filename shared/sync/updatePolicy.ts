/**
 * What a Yjs update to an article may contain (the server judges every incoming one with it, and the
 * desk judges changes handed to it before they are stored and sent, so one the server would refuse
 * never loops between them), judged from the update alone (no copy of the document):
 * it must decode completely, and what it says about the document's top level must fit an article
 * (shared/sync/articleDoc): only the `body`, `fields`, `meta` and `comments` roots, only known keys where the
 * update names them, and no kinds of content an article never has (subdocuments, binary, legacy JSON).
 * Comment entries are checked whole, and must be written under `author`'s name (shared/sync/articleComments).
 * Values are checked when the document is read (`readArticleDoc`); a change to an existing key or
 * inside a nested type names its neighbour instead of its parent, so this cannot judge it here.
 */
import * as Y from 'yjs';
import { BODY_KEY, FIELDS_KEY, META_KEY, PLAIN_FIELDS, TEXT_FIELDS } from './articleDoc';
import { COMMENTS_KEY, commentEntryProblem, type CommentAuthor } from './articleComments';

const ROOT_KEYS: Record<string, ReadonlySet<string> | null> = {
  [BODY_KEY]: null,
  [FIELDS_KEY]: new Set<string>([...TEXT_FIELDS, ...PLAIN_FIELDS, 'aiDeclaration']),
  [META_KEY]: new Set(['schema']),
};

/**
 * Why the update is refused, in a sentence, or undefined when it may be applied. `author` is the
 * account sending it; without one, an update that writes comments is refused.
 */
export function updateProblem(update: Uint8Array, author?: CommentAuthor): string | undefined {
  let structs: Array<Y.Item | Y.GC | Y.Skip>;
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return 'The server received a malformed update: it was refused and nothing was stored.';
  }
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    if (content instanceof Y.ContentDoc || content instanceof Y.ContentBinary || content instanceof Y.ContentJSON) {
      return 'The update holds content an article never has: it was refused and nothing was stored.';
    }
    if (typeof struct.parent !== 'string') continue;
    if (struct.parent === COMMENTS_KEY) {
      // Only whole plain values: a comment is written once, as one entry.
      if (!(content instanceof Y.ContentAny) || content.arr.length !== 1 || struct.parentSub === null) {
        return 'The update holds a comment that is not well formed: it was refused and nothing was stored.';
      }
      const problem = commentEntryProblem(struct.parentSub, content.arr[0], author);
      if (problem) return problem;
      continue;
    }
    if (!Object.hasOwn(ROOT_KEYS, struct.parent)) return 'The update writes outside the article: it was refused and nothing was stored.';
    const keys = ROOT_KEYS[struct.parent] ?? null;
    const key = struct.parentSub;
    if (keys === null ? key !== null : key === null || !keys.has(key)) {
      return 'The update writes a field articles do not have: it was refused and nothing was stored.';
    }
  }
  return undefined;
}
