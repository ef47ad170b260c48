import type { NodeRef } from './events';
import { NodeConnection } from './node-connection';
import type { NodeEnv } from './node-env';
import { chooseNode } from './routing-policy';

/** Member is one node as the membership source (seeds or orchestrator) describes it. */
export interface Member {
  readonly address: string;
  /** The id the orchestrator gave the HSM, when known. */
  readonly hsmId?: string;
  readonly az?: string;
  /** False when the node must not get traffic (not ACTIVE at the orchestrator). */
  readonly active: boolean;
}

/**
 * NodePool holds one NodeConnection per member, keeps it in step with the
 * membership, and picks the node for each attempt with the routing policy.
 */
export class NodePool {
  private readonly nodes = new Map<string, NodeConnection>();
  /** One shared wait per generation of changes, so waiting calls never pile up listeners. */
  private change: { promise: Promise<void>; resolve: () => void } | undefined;
  private closed = false;

  constructor(private readonly env: Omit<NodeEnv, 'healthChanged'>) {}

  /** all lists every member's connection. */
  all(): NodeConnection[] {
    return [...this.nodes.values()];
  }

  /** routable lists the nodes that may get calls now. */
  routable(): NodeConnection[] {
    return this.all().filter((node) => node.routable());
  }

  /** activeMembers counts the members the membership lets be routed to, reachable or not. */
  activeMembers(): number {
    return this.all().filter((node) => node.active).length;
  }

  /**
   * pick chooses the node for the next attempt: the least expected wait
   * among routable nodes, preferring those not in `tried`.
   */
  pick(tried: ReadonlySet<string>): NodeConnection | undefined {
    const address = chooseNode(
      this.all().map((node) => node.candidate()),
      tried,
    );
    return address === undefined ? undefined : this.nodes.get(address);
  }

  /** hasUntried tells whether a routable node outside `tried` is left. */
  hasUntried(tried: ReadonlySet<string>): boolean {
    return this.all().some((node) => node.routable() && !tried.has(node.address));
  }

  /**
   * changed resolves the next time any node's health changes (or the pool
   * closes), so a call with no routable node can wait for one to come back.
   */
  changed(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.change === undefined) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.change = { promise, resolve };
    }
    return this.change.promise;
  }

  /**
   * reconcile makes the pool match `members`: new members get a connection
   * (and a first probe), gone members are closed, and `active` is updated.
   * It returns what changed, for the membership-changed event.
   */
  reconcile(members: readonly Member[]): {
    added: NodeRef[];
    removed: NodeRef[];
    changed: boolean;
  } {
    const added: NodeRef[] = [];
    const removed: NodeRef[] = [];
    let changed = false;
    const wanted = new Map(members.map((member) => [member.address, member]));

    for (const [address, node] of this.nodes) {
      if (wanted.has(address)) continue;
      this.nodes.delete(address);
      removed.push(node.ref());
      node.close();
    }
    for (const member of members) {
      let node = this.nodes.get(member.address);
      if (node === undefined) {
        node = new NodeConnection(
          member.address,
          { ...this.env, healthChanged: () => this.wake() },
          member.az,
        );
        node.active = member.active;
        this.nodes.set(member.address, node);
        added.push(node.ref());
        if (!this.closed) node.start();
        continue;
      }
      if (node.active !== member.active) {
        node.active = member.active;
        changed = true;
      }
    }
    if (added.length > 0 || removed.length > 0 || changed) this.wake();
    return { added, removed, changed: changed || added.length > 0 || removed.length > 0 };
  }

  /** close closes every connection and releases waiters. */
  close(): void {
    this.closed = true;
    for (const node of this.nodes.values()) node.close();
    this.nodes.clear();
    this.wake();
  }

  private wake(): void {
    const change = this.change;
    this.change = undefined;
    change?.resolve();
  }
}
