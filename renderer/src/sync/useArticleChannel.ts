/** Opens an article's newsroom channel for as long as the view shows it; solo articles get none. */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
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
  const subscribe = useCallback((listener: () => void) => (channel ? channel.onState(listener) : noSubscribe()), [channel]);
  const read = useCallback(() => (channel ? channel.state() : noState()), [channel]);
  return useSyncExternalStore(subscribe, read);
}
