/**
 * Version orders two versions of one object. The higher (wallMs, logical,
 * nodeId) wins on every node. wallMs and logical come from a hybrid logical
 * clock (see hlc.ts).
 */
export interface Version {
  readonly wallMs: number;
  readonly logical: number;
  readonly nodeId: string;
}

/** compareVersions returns <0, 0 or >0 as a is older, equal or newer than b. */
export function compareVersions(a: Version, b: Version): number {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1;
  if (a.logical !== b.logical) return a.logical < b.logical ? -1 : 1;
  if (a.nodeId === b.nodeId) return 0;
  return a.nodeId < b.nodeId ? -1 : 1;
}

/** formatVersion renders a version for logs and the CLI. */
export function formatVersion(v: Version): string {
  return `${v.wallMs}.${v.logical}@${v.nodeId}`;
}
