import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Server,
  ServerCredentials,
  credentials,
  status,
  type ChannelCredentials,
  type MethodDefinition,
} from '@grpc/grpc-js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabCa, issueTlsCertificate, writeManufacturerCa } from '@hsmlab/hsm';
import { loadApplianceProto, loadHsmProto, loadOrchestratorProto } from '@hsmlab/proto';
import { NodeProcess, tempDir } from '../../../test/helpers/node-process';
import { RawChannel, fuzzParams, sessionMetadata } from '../../../test/helpers/grpc-fuzz';
import { ControlClient } from './helpers/control-client';
import { APPLIANCE_PASSWORD } from './helpers/lab';
import { OrchestratorProcess } from './helpers/orchestrator-process';

/**
 * Property-based bad TLS certificates, with mutual TLS on: whatever a client
 * presents to the orchestrator or to an HSM node, and whatever a "node"
 * presents to the orchestrator, a certificate the lab CA did not issue for
 * that use and time is refused at the handshake (UNAVAILABLE, or the client
 * cannot even build it), nothing changes, and both keep serving. (Identity
 * certificates for attestation are in services/hsm/test/appliance-bad-input.)
 */

type CertAndKey = { certPem: string; keyPem: string };
const DAY = 86_400_000;

const hsm = loadHsmProto().hsmlab.hsm.v1.Hsm.service as unknown as Record<
  string,
  MethodDefinition<any, any>
>;
const appliance = loadApplianceProto().hsmlab.appliance.v1.Appliance.service as unknown as Record<
  string,
  MethodDefinition<any, any>
>;
const orchestrator = loadOrchestratorProto().hsmlab.orchestrator.v1.Orchestrator
  .service as unknown as Record<string, MethodDefinition<any, any>>;

/** damageDer flips one byte of a certificate's DER and re-encodes it as PEM. */
function damageDer(certPem: string, at: number, xor: number): string {
  const der = Buffer.from(new X509Certificate(certPem).raw);
  der[at % der.length]! ^= xor;
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

describe('certificates - bad TLS certificates, mutual TLS on (property-based)', () => {
  const dir = tempDir('hsmlab-badcert-');
  let labCa: CertAndKey;
  let otherCa: CertAndKey;
  let good: CertAndKey;
  let node: NodeProcess;
  let orch: OrchestratorProcess;
  let control: ControlClient;
  let goodNode: RawChannel;
  let applianceToken: string;
  let clusterT: string;
  let clusterU: string;

  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text, { mode: 0o600 });
    return join(dir, name);
  };
  const issue = (o: Partial<Parameters<typeof issueTlsCertificate>[0]> = {}) =>
    issueTlsCertificate({
      caCertPem: labCa.certPem,
      caKeyPem: labCa.keyPem,
      commonName: 'client',
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1'],
      serverAuth: true,
      clientAuth: true,
      ...o,
    });
  const creds = (c: CertAndKey) =>
    credentials.createSsl(
      Buffer.from(labCa.certPem),
      Buffer.from(c.keyPem),
      Buffer.from(c.certPem),
    );

  async function snapshot() {
    const { clusters } = await control.listClusters({});
    const st = await goodNode.unary(
      appliance.GetStatus!.path,
      Buffer.alloc(0),
      sessionMetadata(applianceToken),
    );
    expect(st.code).toBe(status.OK);
    const nodeStatus = appliance.GetStatus!.responseDeserialize(st.response!);
    return {
      clusters: clusters.map((c) => ({
        clusterId: c.clusterId,
        domainId: c.domainId,
        hsms: c.hsms.map((h) => [h.hsmId, h.address]),
      })),
      node: [nodeStatus.clusterId, nodeStatus.objectCount, nodeStatus.rootDigest.toString('hex')],
    };
  }

  beforeAll(async () => {
    [labCa, otherCa] = await Promise.all([createLabCa(), createLabCa({ commonName: 'other CA' })]);
    const caFile = file('ca.crt', labCa.certPem);
    const server = async (name: string) => {
      const c = await issue({ commonName: name });
      return { certFile: file(`${name}.crt`, c.certPem), keyFile: file(`${name}.key`, c.keyPem) };
    };
    const nodeCert = await server('hsm-t1');
    const orchCert = await server('orchestrator');
    good = await issue({ commonName: 'good-client' });
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
    orch = new OrchestratorProcess({
      appliancePassword: APPLIANCE_PASSWORD,
      tls: { caFile, ...orchCert },
      extraArgs: ['--tls-require-client-cert'],
    });
    await Promise.all([node.start(), orch.start()]);
    control = new ControlClient(orch.address, creds(good));
    goodNode = new RawChannel(node.address, creds(good));
    const login = await goodNode.unary(
      hsm.Login!.path,
      hsm.Login!.requestSerialize({ username: 'appliance', password: APPLIANCE_PASSWORD }),
    );
    expect(login.code).toBe(status.OK);
    applianceToken = hsm.Login!.responseDeserialize(login.response!).sessionToken;
    clusterT = (await control.createCluster({})).clusterId;
    await control.addHsm({ clusterId: clusterT, address: node.address });
    await control.initializeCluster({ clusterId: clusterT });
    clusterU = (await control.createCluster({})).clusterId;
  }, 60_000);

  afterAll(async () => {
    control?.close();
    goodNode?.close();
    await orch?.stop();
    await node?.stop();
  });

  type ClientKind =
    | 'none'
    | 'self-signed'
    | 'other-ca'
    | 'expired'
    | 'not-yet-valid'
    | 'server-only'
    | 'damaged'
    | 'garbage-pem'
    | 'truncated-pem'
    | 'wrong-key';

  /** clientCreds builds the credentials of a bad client certificate; a throw is a refusal by the client itself. */
  async function clientCreds(kind: ClientKind, n: number, noise: Uint8Array) {
    const ca = Buffer.from(labCa.certPem);
    switch (kind) {
      case 'none':
        return credentials.createSsl(ca);
      case 'self-signed':
        return creds(await createLabCa({ commonName: `self-${n}` }));
      case 'other-ca':
        return creds(
          await issueTlsCertificate({
            caCertPem: otherCa.certPem,
            caKeyPem: otherCa.keyPem,
            commonName: 'good-client',
            clientAuth: true,
          }),
        );
      case 'expired':
        return creds(await issue({ validDays: 1, nowMs: Date.now() - (2 + (n % 500)) * DAY }));
      case 'not-yet-valid':
        return creds(await issue({ nowMs: Date.now() + (1 + (n % 500)) * DAY }));
      case 'server-only':
        return creds(await issue({ clientAuth: false, serverAuth: true }));
      case 'damaged':
        return creds({ ...good, certPem: damageDer(good.certPem, n, 1 + (n % 255)) });
      case 'garbage-pem':
        return creds({
          keyPem: good.keyPem,
          certPem: `-----BEGIN CERTIFICATE-----\n${Buffer.from(noise).toString('base64')}\n-----END CERTIFICATE-----\n`,
        });
      case 'truncated-pem':
        return creds({ ...good, certPem: good.certPem.slice(0, n % (good.certPem.length - 1)) });
      case 'wrong-key':
        return creds({
          certPem: good.certPem,
          keyPem: generateKeyPairSync('ec', { namedCurve: 'P-256' })
            .privateKey.export({ type: 'pkcs8', format: 'pem' })
            .toString(),
        });
    }
  }

  it('refuses every bad client certificate at the handshake, on the orchestrator and on a node', async () => {
    const before = await snapshot();
    const kinds: ClientKind[] = [
      'none',
      'self-signed',
      'other-ca',
      'expired',
      'not-yet-valid',
      'server-only',
      'damaged',
      'garbage-pem',
      'truncated-pem',
      'wrong-key',
    ];
    const refusedBy: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...kinds),
        fc.constantFrom('orchestrator' as const, 'node' as const),
        fc.nat({ max: 1_000_000 }),
        fc.uint8Array({ maxLength: 300 }),
        async (kind, target, n, noise) => {
          let c: ChannelCredentials;
          try {
            c = await clientCreds(kind, n, noise);
          } catch {
            // The client cannot even present it: only a broken certificate or key.
            expect(['damaged', 'garbage-pem', 'truncated-pem', 'wrong-key']).toContain(kind);
            refusedBy.client = (refusedBy.client ?? 0) + 1;
            return;
          }
          const channel = new RawChannel(target === 'node' ? node.address : orch.address, c);
          try {
            const res =
              target === 'node'
                ? await channel.unary(hsm.GetNodeInfo!.path, Buffer.alloc(0), undefined, 10_000)
                : await channel.unary(
                    orchestrator.ListClusters!.path,
                    Buffer.alloc(0),
                    undefined,
                    10_000,
                  );
            expect(res.code, `${kind} to ${target}: ${res.details}`).toBe(status.UNAVAILABLE);
            refusedBy[target] = (refusedBy[target] ?? 0) + 1;
          } finally {
            channel.close();
          }
          expect(await snapshot()).toEqual(before);
        },
      ),
      fuzzParams(60),
    );
    // Both servers were reached and refused: not only client-side failures.
    expect(refusedBy.node).toBeGreaterThan(0);
    expect(refusedBy.orchestrator).toBeGreaterThan(0);
    // The good certificate still works on both.
    expect((await control.describeCluster({ clusterId: clusterT })).hsms).toHaveLength(1);
    expect(node.running && orch.running).toBe(true);
  }, 120_000);

  type ServerKind =
    | 'self-signed'
    | 'other-ca'
    | 'expired'
    | 'not-yet-valid'
    | 'wrong-san'
    | 'client-only'
    | 'damaged';

  async function serverCert(kind: ServerKind, n: number): Promise<CertAndKey> {
    switch (kind) {
      case 'self-signed':
        return createLabCa({ commonName: '127.0.0.1' });
      case 'other-ca':
        return issueTlsCertificate({
          caCertPem: otherCa.certPem,
          caKeyPem: otherCa.keyPem,
          commonName: 'hsm-x1',
          dnsNames: ['localhost'],
          ipAddresses: ['127.0.0.1'],
        });
      case 'expired':
        return issue({ validDays: 1, nowMs: Date.now() - (2 + (n % 500)) * DAY });
      case 'not-yet-valid':
        return issue({ nowMs: Date.now() + (1 + (n % 500)) * DAY });
      case 'wrong-san':
        return issue({
          commonName: '127.0.0.1',
          dnsNames: [`hsm-${n}.example`],
          ipAddresses: [`10.${n % 250}.${(n >> 8) % 250}.9`],
        });
      case 'client-only':
        return issue({ serverAuth: false, clientAuth: true });
      case 'damaged': {
        const c = await issue();
        // Only in the signature: the server must still be able to load it.
        const der = Buffer.from(new X509Certificate(c.certPem).raw);
        return { ...c, certPem: damageDer(c.certPem, der.length - 1 - (n % 8), 1 + (n % 255)) };
      }
    }
  }

  /** stubNode serves a "node" with the given certificate and records whether any call got through TLS. */
  async function stubNode(cert: CertAndKey): Promise<{
    address: string;
    reached: () => boolean;
    stop: () => void;
  }> {
    let reached = false;
    const server = new Server();
    server.addService(loadHsmProto().hsmlab.hsm.v1.Hsm.service, {
      Login: (_call: unknown, cb: (e: { code: number; details: string }) => void) => {
        reached = true;
        cb({ code: status.UNAUTHENTICATED, details: 'stub' });
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(
        '127.0.0.1:0',
        ServerCredentials.createSsl(
          null,
          [{ private_key: Buffer.from(cert.keyPem), cert_chain: Buffer.from(cert.certPem) }],
          false,
        ),
        (e, p) => (e ? reject(e) : resolve(p)),
      ),
    );
    return {
      address: `127.0.0.1:${port}`,
      reached: () => reached,
      stop: () => server.forceShutdown(),
    };
  }

  it('refuses to talk to a node whose server certificate is bad, and records nothing', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<ServerKind>(
          'self-signed',
          'other-ca',
          'expired',
          'not-yet-valid',
          'wrong-san',
          'client-only',
          'damaged',
        ),
        fc.nat({ max: 1_000_000 }),
        fc.constantFrom(undefined, 'x'),
        async (kind, n, az) => {
          const stub = await stubNode(await serverCert(kind, n));
          try {
            const res = await control
              .addHsm({ clusterId: clusterU, address: stub.address, az })
              .then(
                () => ({ code: status.OK, details: '' }),
                (e: { code: number; details: string }) => e,
              );
            expect(res.code, `${kind}: ${res.details}`).toBe(status.UNAVAILABLE);
            expect(stub.reached(), kind).toBe(false);
          } finally {
            stub.stop();
          }
          expect(await snapshot()).toEqual(before);
        },
      ),
      fuzzParams(25),
    );
    // Control: with a good certificate the same stub is reached (so "not reached" above means refused).
    const stub = await stubNode(await issue({ commonName: 'hsm-x1' }));
    try {
      await control.addHsm({ clusterId: clusterU, address: stub.address }).catch(() => undefined);
      expect(stub.reached()).toBe(true);
    } finally {
      stub.stop();
    }
    expect(await snapshot()).toEqual(before);
    expect(node.running && orch.running).toBe(true);
  }, 120_000);
});
