import type { ClusterEvent, NodeStatus } from '@hsmlab/client';

/** SecondReport is what the example client saw in one second. */
export interface SecondReport {
  readonly ok: number;
  readonly failed: number;
  readonly lastError: string | undefined;
  /** Successful sign attempts per node id. */
  readonly answers: ReadonlyMap<string, number>;
  readonly nodes: readonly NodeStatus[];
}

/**
 * formatSecond renders one second as a single line with stable `key=value`
 * fields that tests and people can both read, e.g.
 * `signs ok=10 failed=0 by=hsm-a:4,hsm-b:3,hsm-c:3 routable=hsm-a,hsm-b,hsm-c down=-`.
 */
export function formatSecond(report: SecondReport): string {
  const by =
    [...report.answers.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([node, count]) => `${node}:${count}`)
      .join(',') || '-';
  const names = (pick: (n: NodeStatus) => boolean) =>
    report.nodes
      .filter(pick)
      .map((n) => n.nodeId)
      .sort()
      .join(',') || '-';
  const line =
    `signs ok=${report.ok} failed=${report.failed} by=${by} ` +
    `routable=${names((n) => n.routable)} down=${names((n) => !n.routable)}`;
  return report.lastError === undefined ? line : `${line} error="${report.lastError}"`;
}

/** oneLine folds whitespace (gRPC details carry newlines and trailing blanks). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function nodeName(node: { nodeId: string; az: string | undefined }): string {
  return node.az === undefined ? node.nodeId : `${node.nodeId} (AZ ${node.az})`;
}

/** formatEvent renders a change in the SDK's view of the cluster as one line. */
export function formatEvent(event: ClusterEvent): string {
  switch (event.type) {
    case 'node-up':
      return `event node-up ${nodeName(event.node)}`;
    case 'node-down':
      return `event node-down ${nodeName(event.node)}: ${oneLine(event.reason)}`;
    case 'node-degraded':
      return `event node-degraded ${nodeName(event.node)}: ${oneLine(`${event.reason} ${event.detail}`)}`;
    case 'node-back':
      return `event node-back ${nodeName(event.node)} after ${event.outForMs} ms ${event.from}`;
    case 'membership-changed': {
      const members = event.members
        .map((m) => `${m.nodeId}${m.active ? '' : '(inactive)'}`)
        .join(',');
      return `event membership members=${members || '-'}`;
    }
  }
}
