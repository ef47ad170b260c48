/** HsmSpec is one HSM the compose lab puts in its cluster. */
export interface HsmSpec {
  /** Node id; in compose also the host name. */
  readonly hsmId: string;
  /** host:port of its gRPC server on the AZ network. */
  readonly address: string;
  readonly az: string;
}

const SPEC = /^([A-Za-z0-9][A-Za-z0-9_-]*):(\d{1,5})@([A-Za-z0-9_-]+)$/;

/**
 * parseHsmSpec reads `host:port@az`, e.g. `hsm-b:2225@b`. The host is the
 * node id too (each compose HSM runs with HSMLAB_NODE_ID set to its host name).
 */
export function parseHsmSpec(text: string): HsmSpec {
  const match = SPEC.exec(text.trim());
  if (!match) throw new Error(`${JSON.stringify(text)} is not host:port@az (e.g. hsm-a:2225@a)`);
  const port = Number(match[2]);
  if (port < 1 || port > 65535) throw new Error(`${JSON.stringify(text)}: bad port ${port}`);
  return { hsmId: match[1]!, address: `${match[1]!}:${port}`, az: match[3]! };
}
