/** Opens an article's newsroom channel for as long as the view shows it; solo articles get none. */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ArticleChannel, type ChannelState } from './articleChannel';

export type ArticleChannelResult = { loading: true } | { loading: false; channel: ArticleChannel | undefined; problem?: string };

export function useArticleChannel(articleId: string): ArticleChannelResult {
  const [result, setResult] = useState<ArticleChannelResult>({ loading: true });
  useEffect(() => {
    let channel: ArticleChannel | undefined;
    let gone = false;
    ArticleChannel.open(articleId).then(
      (opened) => {
        channel = opened;
        if (gone) void opened?.close();
        else setResult({ loading: false, channel: opened });
      },
      // The desk could not say: edit it as the desk's own copy, as before sync existed.
      (error: unknown) => !gone && setResult({ loading: false, channel: undefined, problem: String((error as Error).message ?? error) }),
    );
    return () => {
      gone = true;
      void channel?.close();
    };
  }, [articleId]);
  return result;
}

const noState = (): undefined => undefined;
const noSubscribe = () => () => undefined;

export function useChannelState(channel: ArticleChannel | undefined): ChannelState | undefined {
  return useChannelSelector(channel, (state) => state);
}

/**
 * One value of the channel's state: the component re-renders only when it changes. The save state
 * moves with every push while someone types; the article view must not re-render the editor for it.
 */
export function useChannelSelector<T>(channel: ArticleChannel | undefined, select: (state: ChannelState) => T): T | undefined {
  const subscribe = useCallback((listener: () => void) => (channel ? channel.onState(listener) : noSubscribe()), [channel]);
  const selectRef = useRef(select);
  selectRef.current = select;
  const read = useCallback(() => (channel ? selectRef.current(channel.state()) : noState()), [channel]);
  return useSyncExternalStore(subscribe, read);
}
