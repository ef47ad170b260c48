/** METADATA names the gRPC metadata entries of the hsmlab protocol. */
export const METADATA = {
  /** Request: the session token from Login. */
  session: 'x-hsmlab-session',
  /** Request: an id for logs and the audit trail, chosen by the caller. */
  requestId: 'x-hsmlab-request-id',
  /** Reply (trailing): operations running or queued on the node. */
  inFlight: 'x-hsmlab-inflight',
  /** Reply (trailing): the node's relative capacity. */
  capacity: 'x-hsmlab-capacity',
  /** Reply (trailing): the id of the node that answered. */
  nodeId: 'x-hsmlab-node',
} as const;
