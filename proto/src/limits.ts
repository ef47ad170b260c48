/**
 * MESSAGE_LIMITS are the message-size limits every hsmlab server and client
 * sets in grpc-js. Documented in docs/limits.md.
 */
export const MESSAGE_LIMITS = {
  /** Largest message a node or the orchestrator accepts. */
  maxReceiveBytes: 4 * 1024 * 1024,
  /** Largest message a node or the orchestrator sends. */
  maxSendBytes: 16 * 1024 * 1024,
  /** Largest message a client accepts (backups and digest pages are larger). */
  clientMaxReceiveBytes: 16 * 1024 * 1024,
  /**
   * Most calls outstanding on one crypto stream: a node answers the ones
   * past it RESOURCE_EXHAUSTED, and the SDK holds the ones past it back.
   */
  maxCallsInFlightPerStream: 4096,
} as const;
