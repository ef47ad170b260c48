import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MESSAGE, plaintextOf, type CryptoCase, type Prepared, type Target } from './crypto-cases';

/** SOFTHSM_LIBRARY is Debian's softhsm2 PKCS#11 module. */
export const SOFTHSM_LIBRARY = '/usr/lib/softhsm/libsofthsm2.so';
const TOKEN_LABEL = 'hsmlab-bench';
const USER_PIN = '123456';

// The few pkcs11js calls the bench uses, typed here so the bench builds
// without the optional native package.
type Handle = Buffer;
type Attribute = { type: number; value?: number | boolean | string | Buffer };
type Mechanism = { mechanism: number; parameter?: Buffer | object };
interface Pkcs11 {
  load(path: string): void;
  C_Initialize(options?: { flags: number }): void;
  C_Finalize(): void;
  C_GetSlotList(tokenPresent: boolean): Handle[];
  C_GetTokenInfo(slot: Handle): { label: string };
  C_GetMechanismList(slot: Handle): number[];
  C_OpenSession(slot: Handle, flags: number): Handle;
  C_CloseAllSessions(slot: Handle): void;
  C_Login(session: Handle, userType: number, pin: string): void;
  C_GenerateKey(session: Handle, mechanism: Mechanism, template: Attribute[]): Handle;
  C_GenerateKeyAsync(session: Handle, mechanism: Mechanism, template: Attribute[]): Promise<Handle>;
  C_GenerateKeyPair(
    session: Handle,
    mechanism: Mechanism,
    publicTemplate: Attribute[],
    privateTemplate: Attribute[],
  ): { publicKey: Handle; privateKey: Handle };
  C_GenerateKeyPairAsync(
    session: Handle,
    mechanism: Mechanism,
    publicTemplate: Attribute[],
    privateTemplate: Attribute[],
  ): Promise<{ publicKey: Handle; privateKey: Handle }>;
  C_SignInit(session: Handle, mechanism: Mechanism, key: Handle): void;
  C_SignAsync(session: Handle, data: Buffer, out: Buffer): Promise<Buffer>;
  C_EncryptInit(session: Handle, mechanism: Mechanism, key: Handle): void;
  C_EncryptAsync(session: Handle, data: Buffer, out: Buffer): Promise<Buffer>;
}
type Pkcs11Module = { PKCS11: new () => Pkcs11 } & Record<string, number>;

// PKCS#11 v3.0 EdDSA mechanisms; older pkcs11js builds do not name them.
const CKM_EC_EDWARDS_KEY_PAIR_GEN = 0x1055;
const CKM_EDDSA = 0x1057;
// DER of the curve OIDs: prime256v1 (1.2.840.10045.3.1.7) and Ed25519 (1.3.101.112).
const P256_PARAMS = Buffer.from('06082a8648ce3d030107', 'hex');
const ED25519_PARAMS = Buffer.from('06032b6570', 'hex');

/** loadPkcs11js returns the module, or why it is not there. */
export function loadPkcs11js(): Pkcs11Module | string {
  if (!existsSync(SOFTHSM_LIBRARY)) {
    return `${SOFTHSM_LIBRARY} is missing (apt-get install -y softhsm2)`;
  }
  try {
    // Loaded at run time: the package is optional and its addon may be unbuilt.
    return createRequire(__filename)('pkcs11js') as Pkcs11Module;
  } catch (err) {
    return `pkcs11js did not load (${(err as Error).message.split('\n')[0]}); see bench/README.md`;
  }
}

/**
 * SoftHsmTarget is SoftHSM2 through PKCS#11 (pkcs11js), in this process: the
 * software HSM people use today. Each in-flight worker has its own session
 * and uses pkcs11js's async calls, which run on libuv's thread pool. Keys it
 * generates are session objects (not persisted), unlike hsmlab's.
 */
export class SoftHsmTarget implements Target {
  readonly id = 'softhsm';
  readonly label = 'SoftHSM2 via PKCS#11 (pkcs11js)';
  private readonly sessions: Handle[] = [];
  private readonly keys = new Map<string, Handle>();
  private gcmParamsType: number | undefined;

  private constructor(
    private readonly mod: Pkcs11Module,
    private readonly p11: Pkcs11,
    private readonly slot: Handle,
    private readonly mechanisms: ReadonlySet<number>,
    private readonly dir: string,
  ) {}

  static open(mod: Pkcs11Module): SoftHsmTarget {
    const dir = mkdtempSync(join(tmpdir(), 'hsmlab-softhsm-'));
    mkdirSync(join(dir, 'tokens'));
    const conf = join(dir, 'softhsm2.conf');
    writeFileSync(
      conf,
      `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
    );
    // SoftHSM reads its configuration file name from the environment.
    process.env.SOFTHSM2_CONF = conf;
    execFileSync(
      'softhsm2-util',
      ['--init-token', '--free', '--label', TOKEN_LABEL, '--so-pin', '12345678', '--pin', USER_PIN],
      { env: process.env, stdio: 'ignore' },
    );
    const p11 = new mod.PKCS11();
    p11.load(SOFTHSM_LIBRARY);
    // Worker calls run on libuv's thread pool: SoftHSM2 must lock (without
    // this flag it assumes one thread and crashes under concurrent calls).
    p11.C_Initialize({ flags: mod.CKF_OS_LOCKING_OK! });
    const slot = p11
      .C_GetSlotList(true)
      .find((s) => p11.C_GetTokenInfo(s).label.trim() === TOKEN_LABEL);
    if (slot === undefined) throw new Error(`SoftHSM2 token ${TOKEN_LABEL} not found`);
    const target = new SoftHsmTarget(mod, p11, slot, new Set(p11.C_GetMechanismList(slot)), dir);
    p11.C_Login(target.session(0), mod.CKU_USER!, USER_PIN);
    return target;
  }

  async prepare(c: CryptoCase): Promise<Prepared> {
    const m = this.mod;
    const need = (mechanism: number, name: string): string | undefined =>
      this.mechanisms.has(mechanism) ? undefined : `this SoftHSM2 build lacks ${name}`;
    const sign = (keyName: string, mechanism: number, prehash = false): Prepared => {
      const key = this.key(keyName);
      return {
        kind: 'async',
        makeOp: (worker) => {
          const session = this.session(worker);
          const out = Buffer.alloc(512);
          return () => {
            this.p11.C_SignInit(session, { mechanism }, key);
            const data = prehash ? createHash('sha256').update(MESSAGE).digest() : MESSAGE;
            return this.p11.C_SignAsync(session, data, out);
          };
        },
      };
    };
    switch (c) {
      case 'ecdsa-p256-sign': {
        if (this.mechanisms.has(m.CKM_ECDSA_SHA256!)) return sign('ec', m.CKM_ECDSA_SHA256!);
        // Debian's SoftHSM2 2.6 has no CKM_ECDSA_SHA256: the caller hashes and
        // the token signs the digest (CKM_ECDSA), as PKCS#11 users do.
        const missing = need(m.CKM_ECDSA!, 'CKM_ECDSA');
        return missing ? unsupported(missing) : sign('ec', m.CKM_ECDSA!, true);
      }
      case 'ed25519-sign': {
        const missing = need(CKM_EDDSA, 'CKM_EDDSA');
        return missing ? unsupported(missing) : sign('ed25519', CKM_EDDSA);
      }
      case 'rsa2048-sign':
        return sign('rsa', m.CKM_SHA256_RSA_PKCS!);
      case 'hmac-sha256':
        return sign('hmac', m.CKM_SHA256_HMAC!);
      case 'aes-gcm-32':
      case 'aes-gcm-4k': {
        const missing = need(m.CKM_AES_GCM!, 'CKM_AES_GCM');
        if (missing) return unsupported(missing);
        const key = this.key('aes');
        const plaintext = plaintextOf(c);
        const paramsType = await this.gcmParams(key);
        return {
          kind: 'async',
          makeOp: (worker) => {
            const session = this.session(worker);
            const out = Buffer.alloc(plaintext.length + 16);
            return () => {
              this.p11.C_EncryptInit(session, this.gcm(paramsType), key);
              return this.p11.C_EncryptAsync(session, plaintext, out);
            };
          },
        };
      }
      case 'aes256-keygen':
        return {
          kind: 'async',
          makeOp: (worker) => {
            const session = this.session(worker);
            return () =>
              this.p11.C_GenerateKeyAsync(
                session,
                { mechanism: m.CKM_AES_KEY_GEN! },
                this.aesTemplate(),
              );
          },
        };
      case 'ec-p256-keygen':
        return {
          kind: 'async',
          makeOp: (worker) => {
            const session = this.session(worker);
            return () =>
              this.p11.C_GenerateKeyPairAsync(
                session,
                { mechanism: m.CKM_EC_KEY_PAIR_GEN! },
                this.publicTemplate(P256_PARAMS),
                this.privateTemplate(),
              );
          },
        };
    }
  }

  pids(): number[] {
    return [];
  }

  async close(): Promise<void> {
    try {
      this.p11.C_CloseAllSessions(this.slot);
      this.p11.C_Finalize();
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  /** session is worker `i`'s own session (PKCS#11 runs one operation per session at a time). */
  private session(i: number): Handle {
    while (this.sessions.length <= i) {
      const flags = this.mod.CKF_SERIAL_SESSION! | this.mod.CKF_RW_SESSION!;
      this.sessions.push(this.p11.C_OpenSession(this.slot, flags));
    }
    return this.sessions[i]!;
  }

  private key(name: string): Handle {
    const cached = this.keys.get(name);
    if (cached) return cached;
    const m = this.mod;
    const s = this.session(0);
    let key: Handle;
    switch (name) {
      case 'ec':
      case 'ed25519': {
        const ec = name === 'ec';
        key = this.p11.C_GenerateKeyPair(
          s,
          { mechanism: ec ? m.CKM_EC_KEY_PAIR_GEN! : CKM_EC_EDWARDS_KEY_PAIR_GEN },
          this.publicTemplate(ec ? P256_PARAMS : ED25519_PARAMS),
          this.privateTemplate(),
        ).privateKey;
        break;
      }
      case 'rsa':
        key = this.p11.C_GenerateKeyPair(
          s,
          { mechanism: m.CKM_RSA_PKCS_KEY_PAIR_GEN! },
          [
            { type: m.CKA_MODULUS_BITS!, value: 2048 },
            { type: m.CKA_PUBLIC_EXPONENT!, value: Buffer.from([1, 0, 1]) },
            { type: m.CKA_VERIFY!, value: true },
          ],
          this.privateTemplate(),
        ).privateKey;
        break;
      case 'hmac':
        key = this.p11.C_GenerateKey(s, { mechanism: m.CKM_GENERIC_SECRET_KEY_GEN! }, [
          { type: m.CKA_CLASS!, value: m.CKO_SECRET_KEY! },
          { type: m.CKA_KEY_TYPE!, value: m.CKK_GENERIC_SECRET! },
          { type: m.CKA_VALUE_LEN!, value: 32 },
          { type: m.CKA_SIGN!, value: true },
          { type: m.CKA_TOKEN!, value: false },
        ]);
        break;
      default:
        key = this.p11.C_GenerateKey(s, { mechanism: m.CKM_AES_KEY_GEN! }, this.aesTemplate());
    }
    this.keys.set(name, key);
    return key;
  }

  private aesTemplate(): Attribute[] {
    const m = this.mod;
    return [
      { type: m.CKA_CLASS!, value: m.CKO_SECRET_KEY! },
      { type: m.CKA_VALUE_LEN!, value: 32 },
      { type: m.CKA_ENCRYPT!, value: true },
      { type: m.CKA_DECRYPT!, value: true },
      { type: m.CKA_TOKEN!, value: false },
    ];
  }

  private publicTemplate(params: Buffer): Attribute[] {
    const m = this.mod;
    return [
      { type: m.CKA_EC_PARAMS!, value: params },
      { type: m.CKA_VERIFY!, value: true },
      { type: m.CKA_TOKEN!, value: false },
    ];
  }

  private privateTemplate(): Attribute[] {
    const m = this.mod;
    return [
      { type: m.CKA_SIGN!, value: true },
      { type: m.CKA_TOKEN!, value: false },
      { type: m.CKA_PRIVATE!, value: true },
      { type: m.CKA_SENSITIVE!, value: true },
    ];
  }

  /** gcm is a fresh-IV AES-GCM mechanism, as hsmlab makes a fresh IV per call. */
  private gcm(paramsType: number): Mechanism {
    return {
      mechanism: this.mod.CKM_AES_GCM!,
      parameter: { type: paramsType, iv: randomBytes(12), ivBits: 96, tagBits: 128 },
    };
  }

  /** gcmParams finds which GCM parameter layout this SoftHSM2 accepts. */
  private async gcmParams(key: Handle): Promise<number> {
    if (this.gcmParamsType !== undefined) return this.gcmParamsType;
    const s = this.session(0);
    const candidates = [this.mod.CK_PARAMS_AES_GCM_v240!, this.mod.CK_PARAMS_AES_GCM!];
    let lastError: unknown;
    for (const type of candidates) {
      try {
        this.p11.C_EncryptInit(s, this.gcm(type), key);
        await this.p11.C_EncryptAsync(s, MESSAGE, Buffer.alloc(64));
        this.gcmParamsType = type;
        return type;
      } catch (err) {
        lastError = err;
      }
    }
    throw new Error(`SoftHSM2 refused every AES-GCM parameter layout: ${String(lastError)}`);
  }
}

function unsupported(reason: string): Prepared {
  return { kind: 'unsupported', reason };
}
