#!/usr/bin/env node
import { HsmCluster, type ClusterEvent } from '@hsmlab/client';
import { Registry } from 'prom-client';
import { clientTransport, describeTransport, type ClientTransport } from '../client-transport';
import { readCredentialsFile, type CredentialsFile } from '../cluster/credentials-file';
import { ConsoleLine } from '../console-line';
import { EnvReader } from '../env-reader';
import { findOrCreateSigningKey, type SigningKey } from '../example/example-key';
import { NodeAnswerCounter } from '../example/node-answer-counter';
import { formatEvent, formatSecond } from '../example/report-line';
import { runSignLoop } from '../example/sign-loop';
import { SignTally } from '../example/sign-tally';
import { sleep } from '../sleep';

/** RETRY_DELAY_MS is the pause between attempts to connect or to find the key. */
const RETRY_DELAY_MS = 2000;

/**
 * retry runs attempt until it succeeds or the signal aborts, logging each
 * failure; the example client waits out a cluster that is still starting.
 */
async function retry<T>(
  what: string,
  attempt: () => Promise<T>,
  log: ConsoleLine,
  signal: AbortSignal,
): Promise<T | undefined> {
  while (!signal.aborted) {
    try {
      return await attempt();
    } catch (err) {
      log.info(`${what} failed (${(err as Error).message}); retrying`);
      await sleep(RETRY_DELAY_MS, signal);
    }
  }
  return undefined;
}

function connect(
  orchestrator: string,
  clusterId: string | undefined,
  transport: ClientTransport,
  credentials: CredentialsFile,
  registry: Registry,
): Promise<HsmCluster> {
  return HsmCluster.connect({
    orchestrator,
    clusterId,
    ...(transport.kind === 'tls' ? { tls: transport.tls } : { insecure: true }),
    credentials: credentials.cryptoUser,
    registry,
    env: {},
  });
}

/**
 * example-client signs with one P-256 key through the SDK (membership from
 * the orchestrator, TLS), checks every signature with the public key, and
 * prints one line a second: signs ok and failed, which nodes answered, which
 * nodes the SDK routes to; plus a line for every node up/down event.
 *
 *   HSMLAB_ORCHESTRATOR       orchestrator address (default orchestrator:7400)
 *   HSMLAB_CREDENTIALS_FILE   credentials.json written by init
 *                             (default /pki/client/credentials.json)
 *   HSMLAB_SIGNS_PER_SECOND   sign rate (default 10)
 *   HSMLAB_SIGN_DEADLINE      deadline of one sign, failover included (default 5s)
 *   HSMLAB_KEY_LABEL          label of the signing key (default compose-example)
 *   HSMLAB_SIGN_COUNT         stop after this many signs, exit 1 if any failed
 *                             (default: sign until stopped)
 *   HSMLAB_CLUSTER_ID         the cluster, when the orchestrator has several
 *   HSMLAB_TLS_CA/CERT/KEY    lab CA and client certificate; HSMLAB_INSECURE=1 for plaintext
 */
async function main(): Promise<void> {
  const log = new ConsoleLine('example-client');
  const env = new EnvReader();
  const transport = clientTransport(env);
  if (transport.kind === 'plaintext')
    log.warn('plaintext gRPC: anyone on the networks can read it');
  const orchestrator = env.text('HSMLAB_ORCHESTRATOR', 'orchestrator:7400');
  const credentialsPath = env.text('HSMLAB_CREDENTIALS_FILE', '/pki/client/credentials.json');
  const signsPerSecond = env.positiveNumber('HSMLAB_SIGNS_PER_SECOND', 10);
  const signDeadlineMs = env.durationMs('HSMLAB_SIGN_DEADLINE', 5000);
  const label = env.text('HSMLAB_KEY_LABEL', 'compose-example');
  const clusterId = env.optional('HSMLAB_CLUSTER_ID');
  const signCount = env.optional('HSMLAB_SIGN_COUNT');
  const maxSigns = signCount === undefined ? undefined : env.positiveNumber('HSMLAB_SIGN_COUNT', 1);

  const stop = new AbortController();
  const onSignal = (signal: string) => {
    log.info(`${signal}: stopping`);
    stop.abort();
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));

  const credentials = await retry(
    `reading ${credentialsPath}`,
    () => readCredentialsFile(credentialsPath),
    log,
    stop.signal,
  );
  if (credentials === undefined) return;
  log.info(
    `connecting to ${orchestrator} over ${describeTransport(transport)} ` +
      `as ${credentials.cryptoUser.username}`,
  );
  const registry = new Registry();
  const cluster = await retry(
    'connecting',
    () => connect(orchestrator, clusterId, transport, credentials, registry),
    log,
    stop.signal,
  );
  if (cluster === undefined) return;
  cluster.on((event: ClusterEvent) => log.info(formatEvent(event)));

  try {
    const found = await retry(
      'finding the signing key',
      () => findOrCreateSigningKey(cluster, label),
      log,
      stop.signal,
    );
    if (found === undefined) return;
    const key: SigningKey = found.key;
    log.info(
      `${found.created ? 'made' : 'reusing'} P-256 key ${key.privateKey.handle} (${label}); ` +
        `signing ${signsPerSecond}/s`,
    );

    const tally = new SignTally();
    const answers = new NodeAnswerCounter(registry, 'sign');
    const report = setInterval(() => {
      const second = tally.take();
      answers.take().then(
        (byNode) => log.info(formatSecond({ ...second, answers: byNode, nodes: cluster.nodes() })),
        (err: unknown) => log.warn(`cannot read the SDK's metrics: ${(err as Error).message}`),
      );
    }, 1000);
    try {
      await runSignLoop({
        cluster,
        key,
        signsPerSecond,
        signDeadlineMs,
        tally,
        signal: stop.signal,
        maxSigns,
      });
    } finally {
      clearInterval(report);
    }
    const totals = tally.totals();
    log.info(`stopped after ${totals.ok} signs ok and ${totals.failed} failed`);
    if (maxSigns !== undefined && totals.failed > 0) process.exitCode = 1;
  } finally {
    await cluster.close();
  }
}

// Exit at once when stopped: grpc-js keeps a DNS re-resolution timer alive
// for about 30 s after its channels close.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    process.stderr.write(`example-client: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
