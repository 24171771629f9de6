/**
 * Where each margin card goes, as in Google Docs: every card wants the top of its text's first line;
 * cards never overlap and keep document order; the active card sits exactly beside its text and the
 * cards above it move up out of its way (those below move down). Pure, so it is tested on its own
 * and costs one pass over the cards.
 */

export type CardBox = {
  id: string;
  /** The top of the card's text, in the margin's coordinates. */
  want: number;
  /** The card's own height as last rendered. */
  height: number;
};

export type LayoutOptions = {
  /** Space between two cards. */
  gap?: number;
  /** No card goes above this (the top of the margin). */
  minTop?: number;
  activeId?: string | undefined;
};

/**
 * The top of each card, in the order given (document order). Cards are pushed down when they would
 * overlap the card before; with an active card, it is placed first and the cards before it are
 * pushed up instead, unless that would take the first above `minTop`, in which case every card
 * from the first is pushed down again (the active one as little as it can be).
 */
export function layoutCards(cards: readonly CardBox[], { gap = 8, minTop = 0, activeId }: LayoutOptions = {}): number[] {
  const tops: number[] = Array.from({ length: cards.length }, () => 0);
  const active = activeId === undefined ? -1 : cards.findIndex((c) => c.id === activeId);
  const pushDown = (from: number) => {
    for (let i = from; i < cards.length; i++) {
      const c = cards[i]!;
      const floor = i === 0 ? minTop : tops[i - 1]! + cards[i - 1]!.height + gap;
      tops[i] = Math.max(Math.max(c.want, minTop), floor);
    }
  };
  if (active < 0) {
    pushDown(0);
    return tops;
  }
  tops[active] = Math.max(cards[active]!.want, minTop);
  for (let i = active - 1; i >= 0; i--) {
    const c = cards[i]!;
    tops[i] = Math.min(c.want, tops[i + 1]! - gap - c.height);
  }
  if (active > 0 && tops[0]! < minTop) pushDown(0);
  else pushDown(active + 1);
  return tops;
}
