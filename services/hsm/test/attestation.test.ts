import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedCa } from '../src/identity/certificate-authority';
import type {
  BackupManifestFields,
  CertificateAndKey,
  JoinGrantValue,
  JoinRequestValue,
  NodeIdentity,
} from '../src/identity';
import {
  AttestationError,
  NODE_IDENTITY_OU,
  completeJoin,
  createJoinRequest,
  createLabCa,
  createManufacturerCa,
  grantJoin,
  isAttestationError,
  issueNodeIdentity,
  issueTlsCertificate,
  loadManufacturerCa,
  manifestObjectsDigest,
  signManifest,
  unwrapMaskingKeyFromBackup,
  verifyIdentityChain,
  verifyManifest,
  wrapMaskingKeyForBackup,
  writeManufacturerCa,
} from '../src/identity';
import { generateMaskingKey } from '../src/masking';

const DAY_MS = 86_400_000;
const CLUSTER = 'cluster-a';
const DOMAIN = 'cluster-a';

function refusal(fn: () => unknown): AttestationError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AttestationError) return err;
    throw err;
  }
  throw new Error('expected an AttestationError, but the call succeeded');
}

function flipBit(buf: Buffer, bit: number): Buffer {
  const copy = Buffer.from(buf);
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
}

let ca: CertificateAndKey;
let otherCa: CertificateAndKey;
let node1: NodeIdentity;
let node2: NodeIdentity;
let node3: NodeIdentity;

beforeAll(async () => {
  [ca, otherCa] = await Promise.all([createManufacturerCa(), createManufacturerCa()]);
  [node1, node2, node3] = await Promise.all([
    issueNodeIdentity({ nodeId: 'hsm-1', manufacturerCa: ca }),
    issueNodeIdentity({ nodeId: 'hsm-2', manufacturerCa: ca }),
    issueNodeIdentity({ nodeId: 'hsm-3', manufacturerCa: ca }),
  ]);
});

describe('identity - certificates', () => {
  it('makes a self-signed P-256 manufacturer CA', () => {
    const cert = new X509Certificate(ca.certPem);
    expect(cert.ca).toBe(true);
    expect(cert.checkIssued(cert)).toBe(true);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(ca.keyPem).toContain('-----BEGIN PRIVATE KEY-----');
  });

  it('writes and loads a manufacturer CA, never replacing one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hsmlab-ca-'));
    try {
      const { certPath, keyPath } = await writeManufacturerCa(dir, ca);
      expect((await stat(keyPath)).mode & 0o777).toBe(0o600);
      expect(await loadManufacturerCa(certPath)).toEqual({ certPem: ca.certPem });
      expect(await loadManufacturerCa(certPath, keyPath)).toEqual(ca);
      await expect(writeManufacturerCa(dir, otherCa)).rejects.toThrow(/EEXIST/);

      const wrongKey = join(dir, 'wrong.key');
      await writeFile(wrongKey, otherCa.keyPem);
      await expect(loadManufacturerCa(certPath, wrongKey)).rejects.toThrow(/is not the key/);
      const leaf = join(dir, 'leaf.crt');
      await writeFile(leaf, node1.certPem);
      await expect(loadManufacturerCa(leaf)).rejects.toThrow(/not a CA/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('issues TLS certificates under a separate lab CA', async () => {
    const lab = await createLabCa();
    const server = await issueTlsCertificate({
      caCertPem: lab.certPem,
      caKeyPem: lab.keyPem,
      commonName: 'hsm-1',
      dnsNames: ['localhost', 'hsm-1'],
      ipAddresses: ['127.0.0.1'],
      serverAuth: true,
      clientAuth: true,
    });
    const cert = new X509Certificate(server.certPem);
    expect(cert.checkIssued(new X509Certificate(lab.certPem))).toBe(true);
    expect(cert.verify(new X509Certificate(lab.certPem).publicKey)).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkHost('hsm-1')).toBe('hsm-1');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.keyUsage).toEqual(
      expect.arrayContaining(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']),
    );
    expect(server.keyPem).toContain('-----BEGIN PRIVATE KEY-----');
    expect(new X509Certificate(ca.certPem).subject).not.toBe(
      new X509Certificate(lab.certPem).subject,
    );
    // A lab TLS certificate is no node identity.
    expect(refusal(() => verifyIdentityChain(server.certPem, ca.certPem)).reason).toBe(
      'not issued by the manufacturer CA',
    );
  });
});

describe('identity - verifyIdentityChain', () => {
  it('accepts a genuine chain and returns the identity public key', () => {
    const key = verifyIdentityChain(node1.chainPem, ca.certPem, 'hsm-1');
    const expected = createPublicKey(
      createPrivateKey({ key: node1.keyPkcs8Der, format: 'der', type: 'pkcs8' }),
    );
    expect(key.export({ type: 'spki', format: 'der' })).toEqual(
      expected.export({ type: 'spki', format: 'der' }),
    );
    expect(verifyIdentityChain(node1.certPem, ca.certPem)).toBeDefined();
  });

  it('refuses a self-signed certificate that looks like an identity', async () => {
    const fake = await createSelfSignedCa({
      subject: [{ CN: ['hsm-1'] }, { OU: [NODE_IDENTITY_OU] }],
      validDays: 1,
    });
    const err = refusal(() => verifyIdentityChain(fake.certPem + ca.certPem, ca.certPem, 'hsm-1'));
    expect(err.reason).toBe('not issued by the manufacturer CA');
    expect(err.name).toBe('AttestationError');
    expect(err.nodeId).toBe('hsm-1');
  });

  it('refuses an identity from another manufacturer CA, with that CA in its chain', async () => {
    const foreign = await issueNodeIdentity({ nodeId: 'hsm-1', manufacturerCa: otherCa });
    expect(refusal(() => verifyIdentityChain(foreign.chainPem, ca.certPem, 'hsm-1')).reason).toBe(
      'not issued by the manufacturer CA',
    );
  });

  it('refuses an expired identity, and one not yet valid', async () => {
    const old = await issueNodeIdentity({
      nodeId: 'hsm-1',
      manufacturerCa: ca,
      validDays: 1,
      nowMs: Date.now() - 10 * DAY_MS,
    });
    expect(refusal(() => verifyIdentityChain(old.chainPem, ca.certPem, 'hsm-1')).reason).toBe(
      'expired',
    );
    const later = Date.now() + 20 * 365 * DAY_MS;
    expect(
      refusal(() => verifyIdentityChain(node1.chainPem, ca.certPem, 'hsm-1', later)).reason,
    ).toBe('expired');
    const earlier = Date.now() - DAY_MS;
    expect(
      refusal(() => verifyIdentityChain(node1.chainPem, ca.certPem, 'hsm-1', earlier)).reason,
    ).toBe('not yet valid');
  });

  it('refuses a certificate that is not a node identity', async () => {
    expect(refusal(() => verifyIdentityChain(ca.certPem, ca.certPem)).reason).toBe(
      'not a node identity',
    );
    // Issued by the manufacturer CA, but a TLS certificate.
    const tls = await issueTlsCertificate({
      caCertPem: ca.certPem,
      caKeyPem: ca.keyPem,
      commonName: 'hsm-1',
    });
    expect(refusal(() => verifyIdentityChain(tls.certPem, ca.certPem, 'hsm-1')).reason).toBe(
      'not a node identity',
    );
  });

  it('refuses another node id and garbage', () => {
    const err = refusal(() => verifyIdentityChain(node2.chainPem, ca.certPem, 'hsm-1'));
    expect(err.reason).toBe('node id mismatch');
    expect(isAttestationError(new Error('outer', { cause: err }))).toBe(true);
    expect(refusal(() => verifyIdentityChain('', ca.certPem)).reason).toBe('malformed chain');
    const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    expect(refusal(() => verifyIdentityChain(broken, ca.certPem)).reason).toBe('malformed chain');
  });
});

describe('identity - attested join', () => {
  const maskingKey = generateMaskingKey();
  const granter = () => ({ nodeId: 'hsm-1', identity: node1, chainPem: node1.chainPem });

  function request(nodeId = 'hsm-2', identity = node2, nowMs = Date.now()) {
    return createJoinRequest({
      nodeId,
      clusterId: CLUSTER,
      identity,
      chainPem: identity.chainPem,
      nowMs,
    });
  }

  function grant(req: JoinRequestValue, overrides: { nowMs?: number; clusterId?: string } = {}) {
    return grantJoin({
      request: req,
      clusterId: overrides.clusterId ?? CLUSTER,
      manufacturerCaCertPem: ca.certPem,
      granter: granter(),
      maskingKey,
      domainId: DOMAIN,
      nowMs: overrides.nowMs ?? Date.now(),
      maxAgeMs: 60_000,
    });
  }

  function complete(
    g: JoinGrantValue,
    ecdhPrivateKey: ReturnType<typeof request>['ecdhPrivateKey'],
    nodeId = 'hsm-2',
  ) {
    return completeJoin({
      grant: g,
      ecdhPrivateKey,
      expected: { nodeId, clusterId: CLUSTER },
      manufacturerCaCertPem: ca.certPem,
    });
  }

  it('hands the masking key to a genuine joiner, and only wrapped', () => {
    const { request: req, ecdhPrivateKey } = request();
    const g = grant(req);
    expect(g).toMatchObject({
      grantingNodeId: 'hsm-1',
      joiningNodeId: 'hsm-2',
      clusterId: CLUSTER,
    });
    // What the orchestrator carries holds no masking key bytes.
    for (const message of [JSON.stringify(req), JSON.stringify(g)]) {
      expect(message).not.toContain(maskingKey.toString('hex'));
      expect(message).not.toContain(maskingKey.toString('base64'));
    }
    expect(
      Buffer.concat([g.wrappedMaskingKey, g.ecdhPublicKey, g.signature]).includes(maskingKey),
    ).toBe(false);

    const done = complete(g, ecdhPrivateKey);
    expect(done.maskingKey.equals(maskingKey)).toBe(true);
    expect(done.domainId).toBe(DOMAIN);
  });

  it('refuses a request whose ECDH key was swapped by a man in the middle', () => {
    const { request: req } = request();
    const { request: mallory } = request();
    const swapped = { ...req, ecdhPublicKey: mallory.ecdhPublicKey };
    expect(refusal(() => grant(swapped)).reason).toBe('bad signature');
  });

  it('refuses a request re-signed by a key the manufacturer did not certify', async () => {
    const fake = await createSelfSignedCa({
      subject: [{ CN: ['hsm-2'] }, { OU: [NODE_IDENTITY_OU] }],
      validDays: 1,
    });
    const forged = createJoinRequest({
      nodeId: 'hsm-2',
      clusterId: CLUSTER,
      identity: createPrivateKey(fake.keyPem),
      chainPem: fake.certPem + ca.certPem,
      nowMs: Date.now(),
    });
    expect(refusal(() => grant(forged.request)).reason).toBe('not issued by the manufacturer CA');
    // A genuine chain with another node's signature: bad signature.
    const mixed = createJoinRequest({
      nodeId: 'hsm-2',
      clusterId: CLUSTER,
      identity: node3,
      chainPem: node2.chainPem,
      nowMs: Date.now(),
    });
    expect(refusal(() => grant(mixed.request)).reason).toBe('bad signature');
    // A node claiming another node id than its certificate.
    const claim = createJoinRequest({
      nodeId: 'hsm-2',
      clusterId: CLUSTER,
      identity: node3,
      chainPem: node3.chainPem,
      nowMs: Date.now(),
    });
    expect(refusal(() => grant(claim.request)).reason).toBe('node id mismatch');
  });

  it('refuses a stale request and one for another cluster', () => {
    const { request: req } = request('hsm-2', node2, Date.now() - 120_000);
    expect(refusal(() => grant(req)).reason).toBe('stale request');
    const { request: ahead } = request('hsm-2', node2, Date.now() + 120_000);
    expect(refusal(() => grant(ahead)).reason).toBe('stale request');
    const { request: fresh } = request();
    expect(refusal(() => grant(fresh, { clusterId: 'cluster-b' })).reason).toBe('wrong cluster');
  });

  it('refuses a grant made for another node', () => {
    const forTwo = request('hsm-2', node2);
    const forThree = request('hsm-3', node3);
    const g = grant(forTwo.request);
    // hsm-3 is handed hsm-2's grant.
    expect(refusal(() => complete(g, forThree.ecdhPrivateKey, 'hsm-3')).reason).toBe('wrong node');
    // ... relabelled for hsm-3.
    const relabelled = { ...g, joiningNodeId: 'hsm-3' };
    expect(refusal(() => complete(relabelled, forThree.ecdhPrivateKey, 'hsm-3')).reason).toBe(
      'bad signature',
    );
    // A grant for another cluster.
    expect(
      refusal(() =>
        completeJoin({
          grant: g,
          ecdhPrivateKey: forTwo.ecdhPrivateKey,
          expected: { nodeId: 'hsm-2', clusterId: 'cluster-b' },
          manufacturerCaCertPem: ca.certPem,
        }),
      ).reason,
    ).toBe('wrong cluster');
  });

  it('refuses a replayed grant from an earlier join', () => {
    const first = request();
    const old = grant(first.request);
    const second = request();
    expect(refusal(() => complete(old, second.ecdhPrivateKey)).reason).toBe('bad signature');
  });

  it('refuses an altered grant, whatever is altered', () => {
    const { request: req, ecdhPrivateKey } = request();
    const g = grant(req);
    // Every 7th bit: each byte, at each bit position in turn.
    for (let bit = 0; bit < g.wrappedMaskingKey.length * 8; bit += 7) {
      const altered = { ...g, wrappedMaskingKey: flipBit(g.wrappedMaskingKey, bit) };
      expect(refusal(() => complete(altered, ecdhPrivateKey)).reason).toBe('bad signature');
    }
    const variants: JoinGrantValue[] = [
      { ...g, ecdhPublicKey: flipBit(g.ecdhPublicKey, g.ecdhPublicKey.length * 8 - 1) },
      { ...g, domainId: 'cluster-b' },
      { ...g, grantingNodeId: 'hsm-3', grantingChainPem: node3.chainPem },
      { ...g, signature: flipBit(g.signature, 100) },
    ];
    for (const v of variants)
      expect(refusal(() => complete(v, ecdhPrivateKey)).reason).toBe('bad signature');
    expect(refusal(() => complete({ ...g, grantingNodeId: 'hsm-3' }, ecdhPrivateKey)).reason).toBe(
      'node id mismatch',
    );
  });

  it('refuses a grant signed by a node of another manufacturer', async () => {
    const foreign = await issueNodeIdentity({ nodeId: 'hsm-1', manufacturerCa: otherCa });
    const { request: req, ecdhPrivateKey } = request();
    const g = grantJoin({
      request: req,
      clusterId: CLUSTER,
      manufacturerCaCertPem: ca.certPem,
      granter: { nodeId: 'hsm-1', identity: foreign, chainPem: foreign.chainPem },
      maskingKey: generateMaskingKey(),
      domainId: DOMAIN,
      nowMs: Date.now(),
    });
    expect(refusal(() => complete(g, ecdhPrivateKey)).reason).toBe(
      'not issued by the manufacturer CA',
    );
  });
});

describe('identity - backup manifest', () => {
  const maskingKey = generateMaskingKey();

  function fields(): BackupManifestFields {
    return {
      backupId: 'b-1',
      clusterId: CLUSTER,
      domainId: DOMAIN,
      sourceNodeId: 'hsm-1',
      createdAtMs: Date.now(),
      objectCount: 2,
      objectsDigest: manifestObjectsDigest([Buffer.from('one'), Buffer.from('two')]),
      maxVersion: { wallMs: 10, logical: 1, nodeId: 'hsm-1' },
      wrappedMaskingKey: wrapMaskingKeyForBackup(maskingKey, ca.keyPem, DOMAIN),
      signerChainPem: node1.chainPem,
    };
  }

  it('signs and verifies a manifest', () => {
    const manifest = signManifest(fields(), node1);
    expect(() => verifyManifest(manifest, ca.certPem)).not.toThrow();
    const empty = signManifest({ ...fields(), objectCount: 0, maxVersion: null }, node1);
    expect(() => verifyManifest(empty, ca.certPem)).not.toThrow();
  });

  it('refuses a manifest with any field changed', () => {
    const manifest = signManifest(fields(), node1);
    const tampered = [
      { ...manifest, backupId: 'b-2' },
      { ...manifest, clusterId: 'cluster-b' },
      { ...manifest, domainId: 'cluster-b' },
      { ...manifest, createdAtMs: manifest.createdAtMs + 1 },
      { ...manifest, objectCount: 3 },
      { ...manifest, objectsDigest: flipBit(manifest.objectsDigest, 7) },
      { ...manifest, maxVersion: { wallMs: 10, logical: 2, nodeId: 'hsm-1' } },
      { ...manifest, maxVersion: null },
      { ...manifest, wrappedMaskingKey: flipBit(manifest.wrappedMaskingKey, 0) },
      { ...manifest, signature: flipBit(manifest.signature, 90) },
    ];
    for (const m of tampered)
      expect(refusal(() => verifyManifest(m, ca.certPem)).reason).toBe('bad signature');
    const claimed = { ...manifest, sourceNodeId: 'hsm-2' };
    expect(refusal(() => verifyManifest(claimed, ca.certPem)).reason).toBe('node id mismatch');
    const otherSigner = signManifest(
      { ...fields(), sourceNodeId: 'hsm-2', signerChainPem: node2.chainPem },
      node1,
    );
    expect(refusal(() => verifyManifest(otherSigner, ca.certPem)).reason).toBe('bad signature');
    expect(refusal(() => verifyManifest(manifest, otherCa.certPem)).reason).toBe(
      'not issued by the manufacturer CA',
    );
  });

  it('digests sealed objects in order, with their boundaries', () => {
    const a = manifestObjectsDigest([Buffer.from('ab'), Buffer.from('c')]);
    expect(a).toHaveLength(32);
    expect(manifestObjectsDigest([Buffer.from('ab'), Buffer.from('c')])).toEqual(a);
    expect(manifestObjectsDigest([Buffer.from('a'), Buffer.from('bc')])).not.toEqual(a);
    expect(manifestObjectsDigest([Buffer.from('c'), Buffer.from('ab')])).not.toEqual(a);
  });

  it('wraps the masking key so that only manufacturer key holders open it', () => {
    const wrapped = wrapMaskingKeyForBackup(maskingKey, ca.keyPem, DOMAIN);
    expect(wrapped.includes(maskingKey)).toBe(false);
    expect(unwrapMaskingKeyFromBackup(wrapped, ca.keyPem, DOMAIN).equals(maskingKey)).toBe(true);
    expect(refusal(() => unwrapMaskingKeyFromBackup(wrapped, otherCa.keyPem, DOMAIN)).reason).toBe(
      'altered or forged',
    );
    expect(refusal(() => unwrapMaskingKeyFromBackup(wrapped, ca.keyPem, 'cluster-b')).reason).toBe(
      'altered or forged',
    );
    expect(
      refusal(() => unwrapMaskingKeyFromBackup(flipBit(wrapped, 200), ca.keyPem, DOMAIN)).reason,
    ).toBe('altered or forged');
  });
});
