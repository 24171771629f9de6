/** Messages between the load bench (load.bench.ts) and its desk processes (load.desks.ts). */

/** One simulated desk: who signs in, and the article it works on. */
export type DeskPlan = { index: number; name: string; password: string; articleId: string; /** Which paragraph is this desk's own. */ slot: number };

export type ToChild =
  | { type: 'setup'; server: string; dir: string; desks: DeskPlan[] }
  | { type: 'start'; editMs: number }
  /** Stop editing; answer once every desk is up to date (or `settleMs` passed). */
  | { type: 'stop'; settleMs: number }
  /** Wait until every desk has every word acknowledged anywhere for its article (or `waitMs` passed), then answer. */
  | { type: 'check'; expected: Record<string, string[]>; waitMs: number }
  | { type: 'close' };

export type DeskTyped = {
  index: number;
  articleId: string;
  /** Ids of the words this desk typed (`d<desk>.<n>`), in order. */
  typed: string[];
  /** How many of them the desk's state had shown as on the server (acknowledged). */
  acked: number;
  upToDate: boolean;
};

export type DeskResult = {
  index: number;
  /** Expected words this desk's copy lacks after waiting. */
  missing: string[];
  /** SHA-1 of the article's fields as this desk has them. */
  hash: string;
};

export type ChildReport =
  | { type: 'ready'; desks: number; failures: string[] }
  | { type: 'access'; desk: number; articleId: string; access: 'read' | 'write'; at: number }
  | { type: 'stopped'; desks: DeskTyped[]; latencies: number[]; ackLatencies: number[] }
  | { type: 'done'; desks: DeskResult[]; waitedMs: number }
  | { type: 'error'; message: string };
