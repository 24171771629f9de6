/** Size limits on everything that comes in from the network. */
export const LIMITS = {
  /** One WebSocket message; larger ones close the connection (1009) before they are read. */
  maxMessageBytes: 8 * 1024 * 1024,
  /** A JSON request body to the API (article creation carries a whole article). */
  maxRequestBytes: 8 * 1024 * 1024,
  /** Sign-in and other small requests. */
  maxSmallRequestBytes: 16 * 1024,
  /** Request headers (Node's own limit, made explicit). */
  maxHeaderBytes: 16 * 1024,
} as const;

/**
 * Before a socket has opened any document, Hocuspocus queues what it sends; these bound that queue
 * and how long a socket may stay without signing in. A desk opening 50 articles at once on one
 * socket sends about 150 messages before the first is open.
 */
export const PRE_SIGN_IN = { maxMessages: 2_000, maxBytes: 16 * 1024 * 1024, timeoutMs: 30_000 } as const;

/** How often open connections are checked for ended sessions (changes are checked one by one). */
export const SESSION_SWEEP_MS = 5_000;
