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

/** How long a connection's session check is trusted for messages that change nothing. */
export const SESSION_RECHECK_MS = 5_000;
