/** Comments for the open article: the controller, its editor extension and the threads for the sidebar. */
import { useEffect, useEffectEvent, useMemo, useState, useSyncExternalStore } from 'react';
import { Range, Text, type DecoratedRange, type NodeEntry } from 'slate';
import type { RenderLeafProps } from 'slate-react';
import { anchorRange } from '../../../shared/comments/anchors';
import type { Article } from '../../../shared/model/article';
import type { ArticleChannel } from '../sync/articleChannel';
import { currentSyncStatus } from '../sync/syncStatus';
import { CommentController } from './commentController';
import { deskCommentSource, syncedCommentSource, type CommentSource } from './commentSource';
import type { EditorExtension } from './extension';

type CommentLeaf = RenderLeafProps['leaf'] & { commentIds?: string[]; commentActive?: true };

/** The signed-in account, under whose name a newsroom article's comments are written. */
function signedInAuthor() {
  const status = currentSyncStatus();
  return status?.signedIn && status.account ? status.account : undefined;
}

export function useComments(article: Article, onError: (message: string) => void, channel?: ArticleChannel) {
  const articleId = article.id;
  // One controller per loaded article version, like the editor: the article view is keyed by id and version.
  const { controller, source } = useMemo(() => {
    let source: CommentSource | undefined;
    const controller = new CommentController((anchors) => source!.saveAnchors(anchors));
    source = channel ? syncedCommentSource(articleId, channel.doc, () => controller.editor, signedInAuthor) : deskCommentSource(articleId);
    return { controller, source };
  }, [articleId, channel]);
  const { threads } = useSyncExternalStore(
    (l) => controller.subscribe(l),
    () => controller.snapshot,
  );
  const [activeId, setActiveId] = useState<string | undefined>();
  const loaded = useEffectEvent((list: Parameters<CommentController['load']>[0]) => controller.load(list, article.body));
  const failed = useEffectEvent((e: unknown) => onError(e instanceof Error ? e.message : String(e)));

  useEffect(() => {
    let live = true;
    if (source.subscribe) {
      // A newsroom article: anchors are placed from the document once the editor is bound, and
      // follow what anyone adds.
      const place = (list: Parameters<CommentController['replace']>[0]) => live && controller.replace(list);
      const unsubscribe = source.subscribe(place);
      controller.onAttach = () => void source.list().then(place);
      void source.list().then(place);
      return () => {
        live = false;
        unsubscribe();
        controller.onAttach = undefined;
      };
    }
    source
      .list()
      .then((list) => live && loaded(list))
      .catch(failed);
    return () => {
      live = false;
      void controller.flush();
    };
  }, [controller, source]);

  const live = useMemo(() => threads.filter((t) => t.anchor && !t.resolved), [threads]);
  // Without open anchored comments the extension stays the same object, so loading an empty list
  // or typing never makes Slate re-decorate every block of a long article.
  const quiet = useMemo<EditorExtension>(() => ({ attach: controller.attach, decorate: () => [], wrapLeaf: ({ children }) => children }), [controller]);

  const extension = useMemo<EditorExtension>(() => {
    if (live.length === 0) return quiet;
    const anchored = live.map((t) => ({ id: t.id, range: anchorRange(t.anchor!) }));
    // Top-level blocks each comment spans: other blocks are answered without range arithmetic.
    const spans = anchored.map(({ range }) => {
      const [start, end] = Range.edges(range);
      return [start.path[0] ?? 0, end.path[0] ?? 0] as const;
    });
    return {
      attach: controller.attach,
      decorate: ([node, path]: NodeEntry): DecoratedRange[] => {
        if (!Text.isText(node)) return [];
        const top = path[0] ?? 0;
        if (!spans.some(([a, b]) => top >= a && top <= b)) return [];
        const leafRange = { anchor: { path, offset: 0 }, focus: { path, offset: node.text.length } };
        const out: DecoratedRange[] = [];
        for (const t of anchored) {
          const hit = Range.intersection(t.range, leafRange);
          if (!hit || Range.isCollapsed(hit)) continue;
          out.push({
            ...hit,
            commentIds: [t.id],
            ...(t.id === activeId ? { commentActive: true } : {}),
            // Overlapping comments: keep every id on the leaf.
            merge: (leaf: object, deco: object) => {
              const l = leaf as CommentLeaf;
              const d = deco as CommentLeaf;
              l.commentIds = [...(l.commentIds ?? []), ...(d.commentIds ?? [])];
              if (d.commentActive) l.commentActive = true;
            },
          } as DecoratedRange);
        }
        return out;
      },
      wrapLeaf: ({ leaf, children }: RenderLeafProps) => {
        const ids = (leaf as CommentLeaf).commentIds;
        if (!ids?.length) return children;
        return (
          <span className={`comment-mark${(leaf as CommentLeaf).commentActive ? ' comment-mark-active' : ''}`} data-comment-ids={ids.join(' ')}>
            {children}
          </span>
        );
      },
    };
  }, [controller, live, activeId, quiet]);

  return { controller, source, extension, threads: controller.threads, activeId, setActiveId };
}

export type CommentsState = ReturnType<typeof useComments>;
