/**
 * LoadTracker counts the operations running or queued on the node. Every
 * reply reports it, with the node's capacity, so clients can route to the
 * node with the lowest expected wait.
 */
export class LoadTracker {
  private inFlight = 0;

  constructor(public readonly capacity: number) {}

  begin(): void {
    this.inFlight += 1;
  }

  end(): void {
    this.inFlight -= 1;
  }

  get current(): number {
    return this.inFlight;
  }
}
