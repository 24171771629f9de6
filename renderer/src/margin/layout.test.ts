import { describe, expect, it } from 'vitest';
import { layoutCards, type CardBox } from './layout';

const card = (id: string, want: number, height = 50): CardBox => ({ id, want, height });

/** Every card starts at or below the end of the one before it, plus the gap. */
function expectNoOverlap(cards: CardBox[], tops: number[], gap: number) {
  for (let i = 1; i < cards.length; i++) expect(tops[i]!).toBeGreaterThanOrEqual(tops[i - 1]! + cards[i - 1]!.height + gap);
}

describe('layoutCards', () => {
  it('puts each card beside its text when there is room', () => {
    const cards = [card('a', 0), card('b', 100), card('c', 300)];
    expect(layoutCards(cards, { gap: 8 })).toEqual([0, 100, 300]);
  });

  it('pushes a card down when it would overlap the one before, and keeps document order', () => {
    const cards = [card('a', 10), card('b', 20), card('c', 30, 20), card('d', 500)];
    const tops = layoutCards(cards, { gap: 8 });
    expect(tops).toEqual([10, 68, 126, 500]);
    expectNoOverlap(cards, tops, 8);
  });

  it('never goes above the top of the margin', () => {
    expect(layoutCards([card('a', -40), card('b', -10)], { gap: 4, minTop: 0 })).toEqual([0, 54]);
  });

  it('puts the active card beside its text and moves the cards before it up', () => {
    const cards = [card('a', 100), card('b', 110), card('c', 120), card('d', 130)];
    const tops = layoutCards(cards, { gap: 10, activeId: 'c' });
    expect(tops[2]).toBe(120);
    expect(tops).toEqual([0, 60, 120, 180]);
    expectNoOverlap(cards, tops, 10);
  });

  it('moves the active card down only as far as the cards above it need when they reach the top', () => {
    const cards = [card('a', 0), card('b', 10), card('c', 20)];
    const tops = layoutCards(cards, { gap: 10, activeId: 'c', minTop: 0 });
    expect(tops).toEqual([0, 60, 120]);
    expectNoOverlap(cards, tops, 10);
  });

  it('leaves cards far above the active one where they are', () => {
    const cards = [card('a', 0), card('b', 400), card('c', 410)];
    expect(layoutCards(cards, { gap: 10, activeId: 'c' })).toEqual([0, 350, 410]);
  });

  it('ignores an active id that is not among the cards', () => {
    const cards = [card('a', 10), card('b', 20)];
    expect(layoutCards(cards, { gap: 8, activeId: 'zzz' })).toEqual([10, 68]);
  });

  it('lays out many cards without overlap in one pass', () => {
    // Cards 50 px apart, 40–46 px tall with a 6 px gap: some must move, and there is room above the active one.
    const cards = Array.from({ length: 5000 }, (_, i) => card(String(i), i * 50, 40 + (i % 7)));
    const tops = layoutCards(cards, { gap: 6, activeId: '2500' });
    expectNoOverlap(cards, tops, 6);
    expect(tops[cards.findIndex((c) => c.id === '2500')]).toBe(cards.find((c) => c.id === '2500')!.want);
  });
});
