import type { LabFile, LabHsm } from '../lab-files';

/** PROXY_HOST_NAME is the fault proxy host's process name in pid and log file names. */
export const PROXY_HOST_NAME = 'fault-proxies';

/** PROXY_HOST_READY is the `msg` of the proxy host's log line that says it serves. */
export const PROXY_HOST_READY = 'fault proxies listening';

/**
 * FaultProxiesRecord is what lab.json keeps of a lab started with
 * `--fault-proxies`: the proxy host's loopback HTTP control address and, per
 * HSM, the address of the TcpFaultProxy in front of it. The HSMs are
 * registered with the orchestrator at their proxy addresses, so both clients
 * and the orchestrator reach every node through its proxy. Addresses are kept
 * across restarts, as the nodes' own are.
 */
export interface FaultProxiesRecord {
  /** `host:port` of the control API; empty until the proxy host first starts. */
  control: string;
  /** HSM id → `host:port` of its proxy. */
  proxies: Record<string, string>;
}

/** FaultProxyLabFile is lab.json with the optional fault proxy record. */
export interface FaultProxyLabFile extends LabFile {
  faultProxies?: FaultProxiesRecord;
}

/** faultProxiesOf returns the lab's fault proxy record, or undefined when it has none. */
export function faultProxiesOf(lab: LabFile): FaultProxiesRecord | undefined {
  return (lab as FaultProxyLabFile).faultProxies;
}

/** enableFaultProxies marks a lab (before its first start) as running behind fault proxies. */
export function enableFaultProxies(lab: LabFile): FaultProxiesRecord {
  const record: FaultProxiesRecord = { control: '', proxies: {} };
  (lab as FaultProxyLabFile).faultProxies = record;
  return record;
}

/**
 * registeredAddress is where the orchestrator (and so every client) reaches
 * an HSM: its proxy when the lab has fault proxies, else the node itself.
 */
export function registeredAddress(lab: LabFile, hsm: LabHsm): string {
  return faultProxiesOf(lab)?.proxies[hsm.hsmId] ?? hsm.address;
}
