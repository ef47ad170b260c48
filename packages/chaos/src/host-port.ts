/** HostPort is an address split into its parts. */
export interface HostPort {
  host: string;
  port: number;
}

/**
 * parseHostPort splits `host:port` (IPv6 hosts in brackets) and checks the
 * port; `what` names the option in the error.
 */
export function parseHostPort(address: string, what: string): HostPort {
  const at = address.lastIndexOf(':');
  if (at <= 0) throw new RangeError(`${what} must be host:port, got "${address}"`);
  let host = address.slice(0, at);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  const port = Number(address.slice(at + 1));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`${what} has a bad port: "${address}"`);
  }
  return { host, port };
}
