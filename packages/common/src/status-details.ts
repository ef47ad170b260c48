/**
 * MAX_DETAILS_CHARS bounds a gRPC status message. Messages may quote the
 * caller's input (a handle, an id, an address); unbounded, a hostile 100 KB
 * value made a grpc-message trailer larger than the client's HTTP/2 header
 * limit, so the client never saw the status: the call hung until its
 * deadline and the connection stayed wedged (found by the *-bad-input tests
 * of the HSM node and the orchestrator).
 */
export const MAX_DETAILS_CHARS = 1024;

/** boundDetails cuts a status message to MAX_DETAILS_CHARS, saying how much was cut. */
export function boundDetails(message: string): string {
  if (message.length <= MAX_DETAILS_CHARS) return message;
  return `${message.slice(0, MAX_DETAILS_CHARS)}... (${message.length - MAX_DETAILS_CHARS} more characters)`;
}
