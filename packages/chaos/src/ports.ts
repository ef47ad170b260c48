import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomInt } from 'node:crypto';

/** FALLBACK_EPHEMERAL_LOW is Linux's default start of the ephemeral port range. */
const FALLBACK_EPHEMERAL_LOW = 32768;
/** LOWEST_PORT keeps clear of well-known and commonly configured ports. */
const LOWEST_PORT = 20000;
const ATTEMPTS = 50;

/** ephemeralLow reads where the kernel starts handing out outgoing ports. */
function ephemeralLow(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/);
    const value = Number(low);
    return Number.isInteger(value) && value > LOWEST_PORT + 1000 ? value : FALLBACK_EPHEMERAL_LOW;
  } catch {
    return FALLBACK_EPHEMERAL_LOW;
  }
}

function canBind(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/**
 * reservePort finds a free port below the kernel's ephemeral range. A
 * process restarted on a port from port 0 can find it taken by an outgoing
 * connection in the meantime (the proxies dial a lot); ports below the range
 * are never handed out that way, so a killed node gets its port back.
 */
export async function reservePort(host = '127.0.0.1'): Promise<number> {
  const high = ephemeralLow() - 1;
  for (let i = 0; i < ATTEMPTS; i++) {
    const port = randomInt(LOWEST_PORT, high);
    if (await canBind(host, port)) return port;
  }
  throw new Error(`no free port on ${host} in ${LOWEST_PORT}..${high} after ${ATTEMPTS} tries`);
}
