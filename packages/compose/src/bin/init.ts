#!/usr/bin/env node
import { initCluster, type ClusterInitOptions } from '../cluster/cluster-init';
import { ControlClient } from '../cluster/control-client';
import { loadOrCreateCredentials, type CredentialsFile } from '../cluster/credentials-file';
import { parseHsmSpec } from '../cluster/hsm-spec';
import { clientTransport, describeTransport } from '../client-transport';
import { ConsoleLine } from '../console-line';
import { EnvReader } from '../env-reader';

/**
 * init sets up the compose lab's cluster through the orchestrator and is safe
 * to run again (see initCluster). Arguments `host:port@az` replace
 * HSMLAB_HSMS; `--join` only adds HSMs to a cluster that is already set up.
 *
 *   HSMLAB_ORCHESTRATOR       orchestrator address (default orchestrator:7400)
 *   HSMLAB_HSMS               HSMs in order, host:port@az, comma-separated
 *                             (default hsm-a:2225@a,hsm-b:2225@b,hsm-c:2225@c)
 *   HSMLAB_CREDENTIALS_FILE   where the officer's and user's passwords are kept
 *                             (default /pki/client/credentials.json)
 *   HSMLAB_CRYPTO_USER        the crypto user to create (default app)
 *   HSMLAB_CLUSTER_ID         the cluster to use when the orchestrator has several
 *   HSMLAB_INIT_TIMEOUT       how long to wait for each stage (default 3m)
 *   HSMLAB_TLS_CA/CERT/KEY    lab CA and client certificate; HSMLAB_INSECURE=1 for plaintext
 */
async function main(): Promise<void> {
  const log = new ConsoleLine('init');
  const env = new EnvReader();
  const args = process.argv.slice(2);
  const joinOnly = args.includes('--join') || env.flag('HSMLAB_JOIN_ONLY');
  const specs = args.filter((a) => a !== '--join');
  const hsms = (
    specs.length > 0
      ? specs
      : env.list('HSMLAB_HSMS', ['hsm-a:2225@a', 'hsm-b:2225@b', 'hsm-c:2225@c'])
  ).map(parseHsmSpec);
  const transport = clientTransport(env);
  if (transport.kind === 'plaintext')
    log.warn('plaintext gRPC: anyone on the networks can read it');
  const orchestrator = env.text('HSMLAB_ORCHESTRATOR', 'orchestrator:7400');
  const credentialsPath = env.text('HSMLAB_CREDENTIALS_FILE', '/pki/client/credentials.json');
  // Joining touches no user, so it needs no credentials.
  let credentials: CredentialsFile | undefined;
  if (!joinOnly) {
    const loaded = await loadOrCreateCredentials(
      credentialsPath,
      env.text('HSMLAB_CRYPTO_USER', 'app'),
    );
    if (loaded.created) log.info(`wrote new credentials to ${credentialsPath}`);
    credentials = loaded.credentials;
  }
  log.info(
    `${joinOnly ? 'joining' : 'setting up'} ${hsms.map((h) => `${h.hsmId}@${h.az}`).join(', ')} ` +
      `through ${orchestrator} over ${describeTransport(transport)}`,
  );

  const control = new ControlClient({ address: orchestrator, transport });
  const options: ClusterInitOptions = {
    control,
    orchestrator,
    transport,
    hsms,
    credentials,
    clusterId: env.optional('HSMLAB_CLUSTER_ID'),
    joinOnly,
    timeoutMs: env.durationMs('HSMLAB_INIT_TIMEOUT', 180_000),
    log,
  };
  try {
    await initCluster(options);
  } finally {
    control.close();
  }
  log.info(joinOnly ? 'done' : `done; credentials in ${credentialsPath}`);
}

// Exit at once when done: grpc-js keeps a DNS re-resolution timer alive for
// about 30 s after its channels close, which would hold up `depends_on`.
main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`init: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
