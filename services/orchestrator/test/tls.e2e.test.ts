import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { credentials } from '@grpc/grpc-js';
import { createLabCa, issueTlsCertificate, writeManufacturerCa } from '@hsmlab/hsm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeProcess, tempDir } from '../../../test/helpers/node-process';
import { ControlClient } from './helpers/control-client';
import { APPLIANCE_PASSWORD } from './helpers/lab';
import { OrchestratorProcess } from './helpers/orchestrator-process';

describe('tls - the orchestrator over mutual TLS, to nodes and to its callers', () => {
  const dir = tempDir('hsmlab-tls-');
  let node: NodeProcess;
  let orchestrator: OrchestratorProcess;
  let control: ControlClient;

  beforeAll(async () => {
    const ca = await createLabCa();
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text, { mode: 0o600 });
      return join(dir, name);
    };
    const issue = async (name: string) => {
      const c = await issueTlsCertificate({
        caCertPem: ca.certPem,
        caKeyPem: ca.keyPem,
        commonName: name,
        dnsNames: ['localhost'],
        ipAddresses: ['127.0.0.1'],
        serverAuth: true,
        clientAuth: true,
      });
      return { certFile: file(`${name}.crt`, c.certPem), keyFile: file(`${name}.key`, c.keyPem) };
    };
    const caFile = file('ca.crt', ca.certPem);
    const nodeCert = await issue('hsm-t1');
    const orchCert = await issue('orchestrator');
    const mca = await writeManufacturerCa(tempDir('hsmlab-mca-'));
    node = new NodeProcess({
      nodeId: 'hsm-t1',
      appliancePassword: APPLIANCE_PASSWORD,
      manufacturerCa: mca,
      extraArgs: [
        '--tls-cert',
        nodeCert.certFile,
        '--tls-key',
        nodeCert.keyFile,
        '--tls-ca',
        caFile,
        '--tls-client-auth',
      ],
    });
    await node.start();
    orchestrator = new OrchestratorProcess({
      appliancePassword: APPLIANCE_PASSWORD,
      tls: { caFile, ...orchCert },
    });
    await orchestrator.start();
    control = new ControlClient(
      orchestrator.address,
      credentials.createSsl(
        readFileSync(caFile),
        readFileSync(orchCert.keyFile),
        readFileSync(orchCert.certFile),
      ),
    );
  });
  afterAll(async () => {
    control?.close();
    await orchestrator?.stop();
    await node?.stop();
  });

  it('creates and initialises a cluster with every link on TLS', async () => {
    const { clusterId } = await control.createCluster({});
    const hsm = await control.addHsm({ clusterId, address: node.address });
    expect(hsm.hsmId).toBe('hsm-t1');
    const cluster = await control.initializeCluster({ clusterId });
    expect(cluster.state).toBe('INITIALIZED');
    expect(cluster.hsms[0]!.state).toBe('ACTIVE');
  });

  it('refuses a plaintext caller', async () => {
    const plain = new ControlClient(orchestrator.address);
    await expect(plain.listClusters({})).rejects.toThrow(/UNAVAILABLE/);
    plain.close();
  });
});
