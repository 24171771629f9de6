/**
 * A copy of an article body kept in a worker from what changed: the editor gives each block object
 * an id and sends the order of ids plus the blocks the worker has not seen, so a keystroke in a
 * 10,000-block article sends one block and 10,000 numbers, not the article. Slate gives a changed
 * block a new object, so a new object is all "changed" means here.
 */
import type { BlockElement } from '../../model/document';

export type BodyDelta = {
  /** Every block of the body, in order, by id. */
  order: number[];
  /** The blocks in `order` that were not sent before. */
  added: Array<[number, BlockElement]>;
};

/** The editor's side: what to send for the body as it is now. */
export type BodyMirrorSender = {
  delta(body: readonly BlockElement[]): BodyDelta;
  /** Forgets what was sent (the worker was replaced): the next delta sends every block. */
  reset(): void;
};

export function createBodyMirrorSender(): BodyMirrorSender {
  let ids = new WeakMap<BlockElement, number>();
  let sent = new Set<number>();
  let next = 1;
  return {
    delta(body) {
      const order: number[] = [];
      const added: Array<[number, BlockElement]> = [];
      const now = new Set<number>();
      for (const block of body) {
        let id = ids.get(block);
        // One object twice in a body (never made by Slate, possible in hand-built ones) is sent twice.
        if (id === undefined || now.has(id)) {
          id = next++;
          if (!ids.has(block)) ids.set(block, id);
        }
        now.add(id);
        order.push(id);
        if (!sent.has(id)) added.push([id, block]);
      }
      sent = now;
      return { order, added };
    },
    reset() {
      ids = new WeakMap();
      sent = new Set();
    },
  };
}

/** The worker's side: the body rebuilt from deltas; blocks no longer in it are let go. */
export type BodyMirror = { apply(delta: BodyDelta): BlockElement[] };

export function createBodyMirror(): BodyMirror {
  let blocks = new Map<number, BlockElement>();
  return {
    apply({ order, added }) {
      for (const [id, block] of added) blocks.set(id, block);
      const kept = new Map<number, BlockElement>();
      const body = order.map((id) => {
        const block = blocks.get(id);
        if (!block) throw new Error(`The body copy has no block ${id}: its sender must be reset.`);
        kept.set(id, block);
        return block;
      });
      blocks = kept;
      return body;
    },
  };
}
