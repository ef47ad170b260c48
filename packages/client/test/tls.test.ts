import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ClusterUnavailableError, HsmCluster, type HsmClientOptions } from '../src/index';
import { createLabCa, issueTlsCertificate } from '../../../services/hsm/src/identity';
import { FakeHsmNode } from './helpers/fake-hsm-node';

interface Pem {
  certPem: string;
  keyPem: string;
}

let ca: Pem;
let otherCa: Pem;
let server: Pem;
let client: Pem;
let fake: FakeHsmNode | undefined;
let cluster: HsmCluster | undefined;

beforeAll(async () => {
  ca = await createLabCa();
  otherCa = await createLabCa({ commonName: 'someone else' });
  const issue = { caCertPem: ca.certPem, caKeyPem: ca.keyPem };
  server = await issueTlsCertificate({
    ...issue,
    commonName: 'hsm-1',
    dnsNames: ['hsm-1.lab'],
    ipAddresses: ['127.0.0.1'],
  });
  client = await issueTlsCertificate({
    ...issue,
    commonName: 'alice',
    serverAuth: false,
    clientAuth: true,
  });
});

afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
  await fake?.stop();
});

function options(tls: HsmClientOptions['tls']): HsmClientOptions {
  return {
    nodes: [fake!.address],
    tls,
    credentials: { username: 'alice', password: 'alice-pw' },
    connectTimeoutMs: 1500,
    env: {},
  };
}

describe('TLS', () => {
  it('connects over TLS, checking the node against the given CA', async () => {
    fake = await FakeHsmNode.start({ nodeId: 'hsm-1', tls: server });
    cluster = await HsmCluster.connect(options({ caPem: ca.certPem }));

    expect(await cluster.crypto.generateRandom(8)).toHaveLength(8);
  });

  it('checks the certificate against serverName when the address has another name', async () => {
    fake = await FakeHsmNode.start({ nodeId: 'hsm-1', tls: server });
    cluster = await HsmCluster.connect(options({ caPem: ca.certPem, serverName: 'hsm-1.lab' }));

    expect(cluster.nodes()[0]?.routable).toBe(true);
  });

  it('refuses a node whose certificate another CA signed', async () => {
    fake = await FakeHsmNode.start({ nodeId: 'hsm-1', tls: server });

    await expect(HsmCluster.connect(options({ caPem: otherCa.certPem }))).rejects.toBeInstanceOf(
      ClusterUnavailableError,
    );
  });

  it('presents a client certificate for mutual TLS, without which the node refuses', async () => {
    fake = await FakeHsmNode.start({
      nodeId: 'hsm-1',
      tls: { ...server, clientCaPem: ca.certPem },
    });

    await expect(HsmCluster.connect(options({ caPem: ca.certPem }))).rejects.toBeInstanceOf(
      ClusterUnavailableError,
    );
    cluster = await HsmCluster.connect(
      options({ caPem: ca.certPem, certPem: client.certPem, keyPem: client.keyPem }),
    );
    expect(await cluster.crypto.digest('sha256', 'x')).toHaveLength(32);
  });
});
