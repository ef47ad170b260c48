/** JoinStep is where one attempt left a join: failure is data, not an exception. */
export type JoinStep =
  | { kind: 'active' }
  | { kind: 'waiting'; message: string }
  | { kind: 'refused'; message: string }
  | { kind: 'gone' };

/**
 * Refusal is a non-transient answer that ends a join in CREATE_FAILED: the
 * identity chain does not verify, the node is of another masking domain, or
 * it answers as another node. Its message becomes the HSM's state message.
 */
export class Refusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Refusal';
  }
}
