/** NodeRef names a node in events. */
export interface NodeRef {
  /** The node's id, or its address until the node has answered once. */
  readonly nodeId: string;
  readonly address: string;
  /** Availability zone, when the orchestrator or the node reported it. */
  readonly az: string | undefined;
}

/**
 * ClusterEvent is one change in the SDK's view of the cluster. `type` tells
 * them apart; switch on it.
 * - `node-up`: a node answered for the first time (connect, or a new member).
 * - `node-down`: a node failed a call or a probe and gets no traffic; it is
 *   probed again after `retryInMs`.
 * - `node-degraded`: a node shed load (busy) or the orchestrator reported it
 *   DEGRADED; it gets no traffic for now but was not seen to fail.
 * - `node-back`: a node that was down or degraded gets traffic again.
 * - `membership-changed`: nodes were added to or removed from the cluster, or
 *   changed between routable (ACTIVE) and not.
 */
export type ClusterEvent =
  | { readonly type: 'node-up'; readonly node: NodeRef; readonly atMs: number }
  | {
      readonly type: 'node-down';
      readonly node: NodeRef;
      readonly reason: string;
      readonly retryInMs: number;
      readonly atMs: number;
    }
  | {
      readonly type: 'node-degraded';
      readonly node: NodeRef;
      readonly reason: 'busy' | 'orchestrator';
      readonly detail: string;
      readonly atMs: number;
    }
  | {
      readonly type: 'node-back';
      readonly node: NodeRef;
      readonly from: 'down' | 'degraded';
      readonly outForMs: number;
      readonly atMs: number;
    }
  | {
      readonly type: 'membership-changed';
      readonly added: readonly NodeRef[];
      readonly removed: readonly NodeRef[];
      /** Every member now, with whether the membership lets it be routed to. */
      readonly members: readonly (NodeRef & { readonly active: boolean })[];
      readonly atMs: number;
    };

/** ClusterEventType is the `type` of a ClusterEvent. */
export type ClusterEventType = ClusterEvent['type'];

/** EventOfType narrows ClusterEvent to one type. */
export type EventOfType<T extends ClusterEventType> = Extract<ClusterEvent, { type: T }>;

/**
 * MAX_BUFFERED_EVENTS bounds the queue of an events() iterator its consumer
 * does not read; older events are dropped first, so a stalled consumer costs
 * memory only up to this bound.
 */
const MAX_BUFFERED_EVENTS = 1000;

/**
 * EventHub fans ClusterEvents out to listeners and async iterators. Emitting
 * never throws: a listener that throws is isolated from the others.
 */
export class EventHub {
  private readonly listeners = new Set<(event: ClusterEvent) => void>();
  /** endHooks wake the open iterators when the hub closes. */
  private readonly endHooks = new Set<() => void>();
  private closed = false;

  /** emit delivers the event to every listener, in subscription order. */
  emit(event: ClusterEvent): void {
    if (this.closed) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A listener's bug must not break the SDK's own bookkeeping.
      }
    }
  }

  /**
   * on subscribes to every event, or to one type; it returns the function
   * that unsubscribes.
   */
  on(listener: (event: ClusterEvent) => void): () => void;
  on<T extends ClusterEventType>(type: T, listener: (event: EventOfType<T>) => void): () => void;
  on(
    typeOrListener: ClusterEventType | ((event: ClusterEvent) => void),
    maybeListener?: (event: never) => void,
  ): () => void {
    const wrapped: (event: ClusterEvent) => void =
      typeof typeOrListener === 'function'
        ? typeOrListener
        : (event) => {
            if (event.type === typeOrListener) (maybeListener as (e: ClusterEvent) => void)(event);
          };
    this.listeners.add(wrapped);
    return () => this.listeners.delete(wrapped);
  }

  /**
   * iterate returns an async iterator over events emitted from now on. It
   * ends when the hub closes or the consumer breaks out of its loop.
   */
  iterate(): AsyncIterableIterator<ClusterEvent> {
    const queue: ClusterEvent[] = [];
    let wakeUp: (() => void) | undefined;
    let ended = this.closed;
    const unsubscribe = this.on((event) => {
      queue.push(event);
      if (queue.length > MAX_BUFFERED_EVENTS) queue.shift();
      wakeUp?.();
    });
    const endHook = (): void => {
      ended = true;
      wakeUp?.();
    };
    this.endHooks.add(endHook);
    const finish = (): IteratorReturnResult<undefined> => {
      ended = true;
      unsubscribe();
      this.endHooks.delete(endHook);
      return { done: true, value: undefined };
    };

    const iterator: AsyncIterableIterator<ClusterEvent> = {
      next: async () => {
        while (queue.length === 0 && !ended) {
          await new Promise<void>((resolve) => (wakeUp = resolve));
          wakeUp = undefined;
        }
        const event = queue.shift();
        return event === undefined ? finish() : { done: false, value: event };
      },
      return: async () => finish(),
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** close ends every iterator and drops every listener. */
  close(): void {
    this.closed = true;
    this.listeners.clear();
    for (const hook of [...this.endHooks]) hook();
  }
}
