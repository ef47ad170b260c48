import { readFileSync } from 'node:fs';
import type { TlsOptions } from '@hsmlab/client';
import { EnvError, type EnvReader } from './env-reader';

/**
 * ClientTransport is how a compose program reaches the orchestrator and the
 * HSMs: TLS with the lab CA (and a client certificate for mutual TLS), or
 * plaintext when HSMLAB_INSECURE asks for it.
 */
export type ClientTransport =
  | { readonly kind: 'tls'; readonly tls: TlsOptions; readonly mutual: boolean }
  | { readonly kind: 'plaintext' };

function readPem(variable: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new EnvError(variable, `cannot read ${path}: ${(err as Error).message}`);
  }
}

/**
 * clientTransport reads HSMLAB_INSECURE, HSMLAB_TLS_CA, HSMLAB_TLS_CERT and
 * HSMLAB_TLS_KEY. The CA is required unless plaintext is asked for; the
 * certificate and key go together and are shown to servers that ask for one
 * (mutual TLS), so one client setting works whether mTLS is on or off.
 */
export function clientTransport(env: EnvReader): ClientTransport {
  if (env.flag('HSMLAB_INSECURE')) return { kind: 'plaintext' };
  const caPath = env.optional('HSMLAB_TLS_CA');
  if (caPath === undefined) {
    throw new EnvError(
      'HSMLAB_TLS_CA',
      'not set: name the lab CA certificate, or set HSMLAB_INSECURE=1 for plaintext',
    );
  }
  const certPath = env.optional('HSMLAB_TLS_CERT');
  const keyPath = env.optional('HSMLAB_TLS_KEY');
  if ((certPath === undefined) !== (keyPath === undefined)) {
    throw new EnvError('HSMLAB_TLS_CERT', 'HSMLAB_TLS_CERT and HSMLAB_TLS_KEY go together');
  }
  const caPem = readPem('HSMLAB_TLS_CA', caPath);
  if (certPath === undefined || keyPath === undefined) {
    return { kind: 'tls', tls: { caPem }, mutual: false };
  }
  return {
    kind: 'tls',
    tls: {
      caPem,
      certPem: readPem('HSMLAB_TLS_CERT', certPath),
      keyPem: readPem('HSMLAB_TLS_KEY', keyPath),
    },
    mutual: true,
  };
}

/** describeTransport says in a few words how a program connects, for its first log line. */
export function describeTransport(transport: ClientTransport): string {
  if (transport.kind === 'plaintext') return 'plaintext (HSMLAB_INSECURE)';
  return transport.mutual ? 'TLS with a client certificate' : 'TLS';
}
