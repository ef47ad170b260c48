/** VersionLike is the shape of hsm.v1.Version: a hybrid logical clock time and a node id. */
export interface VersionLike {
  readonly wallMs: number;
  readonly logical: number;
  readonly nodeId: string;
}

/**
 * compareVersions orders two versions of one object: higher (wallMs,
 * logical, nodeId) wins, the same rule every node applies. A missing
 * version (null) is older than any version.
 */
export function compareVersions(a: VersionLike | null, b: VersionLike | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1;
  if (a.logical !== b.logical) return a.logical < b.logical ? -1 : 1;
  if (a.nodeId === b.nodeId) return 0;
  return a.nodeId < b.nodeId ? -1 : 1;
}

/** formatVersion renders a version for logs and messages. */
export function formatVersion(v: VersionLike | null): string {
  return v === null ? 'none' : `${v.wallMs}.${v.logical}@${v.nodeId}`;
}
