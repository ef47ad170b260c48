import type { Registry } from 'prom-client';

/** SdkCounts are the SDK's own counters at one moment. */
export interface SdkCounts {
  /** Successful attempts by node id. */
  okByNode: Map<string, number>;
  /** Retried attempts by reason (RESOURCE_EXHAUSTED, UNAVAILABLE, ...). */
  retriesByReason: Map<string, number>;
}

/** readSdkCounts reads the SDK's calls and retries counters from its registry. */
export async function readSdkCounts(registry: Registry): Promise<SdkCounts> {
  const okByNode = new Map<string, number>();
  const retriesByReason = new Map<string, number>();
  const calls = await registry.getSingleMetric('hsmlab_client_calls_total')?.get();
  for (const v of calls?.values ?? []) {
    if (v.labels.outcome !== 'ok') continue;
    const node = String(v.labels.node);
    okByNode.set(node, (okByNode.get(node) ?? 0) + v.value);
  }
  const retries = await registry.getSingleMetric('hsmlab_client_retries_total')?.get();
  for (const v of retries?.values ?? []) {
    const reason = String(v.labels.reason);
    retriesByReason.set(reason, (retriesByReason.get(reason) ?? 0) + v.value);
  }
  return { okByNode, retriesByReason };
}

/** diffCounts is what happened between two readings. */
export function diffCounts(before: SdkCounts, after: SdkCounts): SdkCounts {
  const diff = (a: Map<string, number>, b: Map<string, number>) =>
    new Map([...b].map(([k, v]) => [k, v - (a.get(k) ?? 0)]));
  return {
    okByNode: diff(before.okByNode, after.okByNode),
    retriesByReason: diff(before.retriesByReason, after.retriesByReason),
  };
}
