import type { CompiledLinkFaults, LinkFaults, ProxyStats } from '@hsmlab/chaos';

/**
 * The fault proxy host's control API: JSON over HTTP on a loopback port.
 *
 *   GET  /proxies   → { proxies: ProxyView[] }
 *   POST /proxies   AddProxyRequest → { proxy: ProxyView }   (a new HSM)
 *   POST /faults    FaultRequest → { affected: ProxyView[] } (merged into the faults in force)
 *   POST /heal      ProxySelector → { affected: ProxyView[] }
 *
 * Errors answer 4xx/5xx with { error: string }.
 */

/** ProxyView is one proxy as the control API shows it. */
export interface ProxyView {
  hsmId: string;
  az: string;
  /** `host:port` clients and the orchestrator connect to. */
  address: string;
  /** `host:port` of the node behind it. */
  target: string;
  faults: CompiledLinkFaults;
  /** The faults in one line, "healthy" when there are none. */
  description: string;
  stats: ProxyStats;
}

/** ProxySelector picks proxies: by AZ, by HSM id, or (neither given) all of them. */
export interface ProxySelector {
  az?: string;
  hsmId?: string;
}

/** FaultRequest changes the given fault fields on the selected proxies and keeps the others. */
export interface FaultRequest extends ProxySelector {
  faults: LinkFaults;
}

/** AddProxyRequest puts a new proxy in front of a new HSM. */
export interface AddProxyRequest {
  hsmId: string;
  az: string;
  target: string;
  /** `host:port` to listen on. @default a free loopback port */
  listen?: string;
}
