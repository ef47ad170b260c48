import { isDeepStrictEqual } from 'node:util';
import {
  Client,
  credentials,
  Metadata,
  status,
  type ChannelCredentials,
  type ClientOptions,
  type ServiceError,
  type StatusObject,
} from '@grpc/grpc-js';
import fc from 'fast-check';

/**
 * Tools for property-based tests of hostile input against real services:
 * a raw gRPC channel that sends bytes as they are (no serializer in the
 * way), byte-level and field-level mutations of a valid message, and the
 * fast-check settings every such test shares.
 */

/** FUZZ_SEED is the seed of every property (FC_SEED or HSMLAB_FUZZ_SEED overrides it). */
const FUZZ_SEED = Number(process.env.FC_SEED ?? process.env.HSMLAB_FUZZ_SEED ?? 20261203);

/** fuzzRuns is the number of runs of a property: FC_NUM_RUNS overrides the default. */
function fuzzRuns(defaultRuns: number): number {
  const n = Number(process.env.FC_NUM_RUNS);
  return Number.isInteger(n) && n > 0 ? n : defaultRuns;
}

/** fuzzParams are the fc.assert parameters of one property (the seed is printed on failure). */
export function fuzzParams(defaultRuns: number): { seed: number; numRuns: number } {
  return { seed: FUZZ_SEED, numRuns: fuzzRuns(defaultRuns) };
}

/** RawResult is how a raw call ended: its status and the reply bytes, if any. */
export interface RawResult {
  code: status;
  details: string;
  response?: Buffer;
  /** Server stream: every message received. */
  messages?: Buffer[];
}

const identity = (b: Buffer): Buffer => b;

/** settle turns a unary reply callback into a RawResult for resolve. */
function settle(resolve: (r: RawResult) => void) {
  return (err: ServiceError | null, response?: Buffer): void =>
    resolve(
      err ? { code: err.code, details: err.details } : { code: status.OK, details: '', response },
    );
}

/** RawChannel calls any method of any service with raw bytes. */
export class RawChannel {
  readonly client: Client;

  constructor(
    address: string,
    creds: ChannelCredentials = credentials.createInsecure(),
    options: ClientOptions = {},
  ) {
    this.client = new Client(address, creds, {
      'grpc.max_receive_message_length': 64 * 1024 * 1024,
      ...options,
    });
  }

  unary(path: string, body: Buffer, md = new Metadata(), timeoutMs = 15_000): Promise<RawResult> {
    return new Promise((resolve) => {
      this.client.makeUnaryRequest(
        path,
        identity,
        identity,
        body,
        md,
        { deadline: Date.now() + timeoutMs },
        settle(resolve),
      );
    });
  }

  /** serverStream reads a server stream to its end, or cancels it after maxMessages. */
  serverStream(
    path: string,
    body: Buffer,
    md = new Metadata(),
    timeoutMs = 15_000,
    maxMessages = Infinity,
  ): Promise<RawResult> {
    return new Promise((resolve) => {
      const messages: Buffer[] = [];
      const call = this.client.makeServerStreamRequest(path, identity, identity, body, md, {
        deadline: Date.now() + timeoutMs,
      });
      let done = false;
      call.on('data', (m: Buffer) => {
        messages.push(m);
        if (messages.length >= maxMessages && !done) {
          done = true;
          call.cancel();
          resolve({ code: status.OK, details: '', messages });
        }
      });
      call.on('error', () => undefined);
      call.on('status', (s: StatusObject) => {
        if (done) return;
        done = true;
        resolve({ code: s.code, details: s.details, messages });
      });
    });
  }

  /** clientStream writes every body as one message, ends, and waits for the reply. */
  clientStream(
    path: string,
    bodies: readonly Buffer[],
    md = new Metadata(),
    timeoutMs = 15_000,
  ): Promise<RawResult> {
    return new Promise((resolve) => {
      const call = this.client.makeClientStreamRequest(
        path,
        identity,
        identity,
        md,
        { deadline: Date.now() + timeoutMs },
        settle(resolve),
      );
      call.on('error', () => undefined);
      for (const b of bodies) call.write(b);
      call.end();
    });
  }

  close(): void {
    this.client.close();
  }
}

/** sessionMetadata is call metadata with a session token (none when token is undefined). */
export function sessionMetadata(token: string | undefined): Metadata {
  const md = new Metadata();
  if (token !== undefined) md.set('x-hsmlab-session', token);
  return md;
}

// --- protobuf wire level ---------------------------------------------------

function varint(value: bigint): Buffer {
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return Buffer.from(out);
}

/** WireField is one protobuf field written by hand, of any wire type. */
export type WireField =
  | { field: number; wire: 'varint'; value: bigint }
  | { field: number; wire: 'fixed64'; value: bigint }
  | { field: number; wire: 'fixed32'; value: number }
  | { field: number; wire: 'bytes'; value: Uint8Array }
  /** A length prefix that promises more bytes than follow. */
  | { field: number; wire: 'lying-length'; value: Uint8Array }
  /** Wire types 3, 4 (groups), 6 and 7 (invalid). */
  | { field: number; wire: 'odd'; value: 3 | 4 | 6 | 7 };

/** encodeWireField writes one field; appended to a message it overrides (or adds to) that field. */
function encodeWireField(f: WireField): Buffer {
  const tag = (t: number) => varint(BigInt(f.field) * 8n + BigInt(t));
  switch (f.wire) {
    case 'varint':
      return Buffer.concat([tag(0), varint(f.value)]);
    case 'fixed64': {
      const b = Buffer.alloc(8);
      b.writeBigUInt64LE(BigInt.asUintN(64, f.value));
      return Buffer.concat([tag(1), b]);
    }
    case 'fixed32': {
      const b = Buffer.alloc(4);
      b.writeUInt32LE(f.value >>> 0);
      return Buffer.concat([tag(5), b]);
    }
    case 'bytes':
      return Buffer.concat([tag(2), varint(BigInt(f.value.length)), Buffer.from(f.value)]);
    case 'lying-length':
      return Buffer.concat([tag(2), varint(BigInt(f.value.length + 1000)), Buffer.from(f.value)]);
    case 'odd':
      return tag(f.value);
  }
}

/** wireFieldArb makes fields with numbers 1-maxField (and a few wild ones) of any wire type. */
function wireFieldArb(maxField = 12): fc.Arbitrary<WireField> {
  const field = fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 1, max: maxField }) },
    { weight: 1, arbitrary: fc.constantFrom(19_000, 536_870_911, 100) },
  );
  const big = fc.oneof(
    fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
    fc.constantFrom(0n, 1n, (1n << 31n) - 1n, 1n << 31n, (1n << 32n) - 1n, 1n << 53n, 1n << 63n),
    fc.constantFrom(-1n, -(1n << 31n), -(1n << 63n)),
  );
  return fc.oneof(
    fc.record({ field, wire: fc.constant('varint' as const), value: big }),
    fc.record({ field, wire: fc.constant('fixed64' as const), value: big }),
    fc.record({ field, wire: fc.constant('fixed32' as const), value: fc.integer() }),
    fc.record({
      field,
      wire: fc.constant('bytes' as const),
      value: fc.uint8Array({ maxLength: 64 }),
    }),
    fc.record({
      field,
      wire: fc.constant('lying-length' as const),
      value: fc.uint8Array({ maxLength: 16 }),
    }),
    fc.record({ field, wire: fc.constant('odd' as const), value: fc.constantFrom(3, 4, 6, 7) }),
  ) as fc.Arbitrary<WireField>;
}

// --- byte-level mutations ---------------------------------------------------

/** ByteMutation is one way of damaging an encoded message. */
export type ByteMutation =
  | { kind: 'flip'; flips: [number, number][] }
  | { kind: 'bit'; bit: number }
  | { kind: 'truncate'; keep: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'splice'; at: number; drop: number }
  | { kind: 'append'; fields: WireField[] }
  | { kind: 'double' };

/** byteMutationArb: bit flips, byte xors, truncation, insertion, deletion, appended fields. */
export function byteMutationArb(maxField = 12): fc.Arbitrary<ByteMutation> {
  const pos = fc.nat({ max: 1 << 20 });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('flip' as const),
        flips: fc.array(fc.tuple(pos, fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
      }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('bit' as const), bit: pos }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), keep: pos }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('insert' as const),
        at: pos,
        bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('splice' as const),
        at: pos,
        drop: fc.integer({ min: 1, max: 32 }),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('append' as const),
        fields: fc.array(wireFieldArb(maxField), { minLength: 1, maxLength: 3 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('double' as const) }) },
  ) as fc.Arbitrary<ByteMutation>;
}

/** mutateBytes applies a mutation to a copy of bytes (positions wrap around its length). */
export function mutateBytes(bytes: Buffer, m: ByteMutation): Buffer {
  const n = bytes.length;
  switch (m.kind) {
    case 'flip': {
      const out = Buffer.from(bytes);
      if (n > 0) for (const [at, xor] of m.flips) out[at % n]! ^= xor;
      return out;
    }
    case 'bit': {
      const out = Buffer.from(bytes);
      if (n > 0) out[(m.bit >> 3) % n]! ^= 1 << (m.bit & 7);
      return out;
    }
    case 'truncate':
      return Buffer.from(bytes.subarray(0, n === 0 ? 0 : m.keep % n));
    case 'insert': {
      const at = m.at % (n + 1);
      return Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    }
    case 'splice': {
      const at = n === 0 ? 0 : m.at % n;
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.drop)]);
    }
    case 'append':
      return Buffer.concat([bytes, ...m.fields.map(encodeWireField)]);
    case 'double':
      return Buffer.concat([bytes, bytes]);
  }
}

// --- field-level mutations --------------------------------------------------

type Path = (string | number)[];

/** leafPaths lists the paths to every scalar, bytes and enum value of a decoded message. */
export function leafPaths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || value === undefined) return [prefix];
  if (Buffer.isBuffer(value) || typeof value !== 'object') return [prefix];
  if (Array.isArray(value)) {
    const inner = value.flatMap((v, i) => leafPaths(v, [...prefix, i]));
    return [prefix, ...inner];
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return [prefix];
  return [prefix, ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
}

function getAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const k of path) v = (v as Record<string | number, unknown> | undefined)?.[k];
  return v;
}

/** setAt returns a deep copy of value with the value at path replaced. */
export function setAt<T>(value: T, path: Path, replacement: unknown): T {
  if (path.length === 0) return replacement as T;
  const copy = structuredCloneBuffers(value) as Record<string | number, unknown>;
  let v = copy;
  for (const k of path.slice(0, -1)) v = v[k] as Record<string | number, unknown>;
  v[path[path.length - 1]!] = replacement;
  return copy as T;
}

function structuredCloneBuffers(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return Buffer.from(value);
  if (Array.isArray(value)) return value.map(structuredCloneBuffers);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        structuredCloneBuffers(v),
      ]),
    );
  }
  return value;
}

/** hostileStringArb: pooled values (ids of other things), odd text, huge strings. */
export function hostileStringArb(pool: readonly string[] = []): fc.Arbitrary<string> {
  const arbs: fc.Arbitrary<string>[] = [
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', '%s%n', 'a'.repeat(129), '\uffff'),
    fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
  ];
  if (pool.length > 0) arbs.push(fc.constantFrom(...pool), fc.constantFrom(...pool));
  return fc.oneof(...arbs);
}

/** hostileNumberArb: negative, overflowing, boundary and fractional numbers. */
function hostileNumberArb(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer(),
    fc.constantFrom(
      0,
      -1,
      2 ** 31 - 1,
      2 ** 31,
      2 ** 32 - 1,
      2 ** 32,
      2 ** 53,
      -(2 ** 53),
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      1e300,
      0.5,
    ),
    fc.nat({ max: 1_000 }),
  );
}

/** hostileBytesArb: a damaged copy of original, random bytes, nothing, or a lot. */
function hostileBytesArb(original: Buffer): fc.Arbitrary<Buffer> {
  return fc.oneof(
    byteMutationArb().map((m) => mutateBytes(original, m)),
    fc.uint8Array({ maxLength: 128 }).map((b) => Buffer.from(b)),
    fc.constant(Buffer.alloc(0)),
    fc.integer({ min: 10_000, max: 1_000_000 }).map((n) => Buffer.alloc(n, 0x41)),
  );
}

/** FieldMutation replaces the value at one path of a decoded message. */
export interface FieldMutation {
  path: Path;
  value: unknown;
}

/**
 * fieldMutationArb picks a leaf of a decoded valid message and a hostile
 * value of the same kind: strings from the pool or anywhere, numbers that
 * overflow or go negative, damaged bytes, enum names and unknown enum
 * numbers, booleans flipped, a nested message dropped.
 */
export function fieldMutationArb(
  message: object,
  pool: readonly string[] = [],
): fc.Arbitrary<FieldMutation> {
  const paths = leafPaths(message).filter((p) => p.length > 0);
  return fc.constantFrom(...paths).chain((path) => {
    const original = getAt(message, path);
    let value: fc.Arbitrary<unknown>;
    if (Buffer.isBuffer(original)) value = hostileBytesArb(original);
    else if (typeof original === 'string' && /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(original)) {
      // An enum: other names, unknown numbers.
      value = fc.oneof(hostileStringArb(pool), hostileNumberArb());
    } else if (typeof original === 'string') value = hostileStringArb(pool);
    else if (typeof original === 'number') value = hostileNumberArb();
    else if (typeof original === 'boolean') value = fc.boolean();
    else value = fc.constantFrom(null, undefined);
    return value.map((v) => ({ path, value: v }));
  });
}

/** sameMessage tells whether two decoded messages are equal (what a handler would see). */
export function sameMessage(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}

/** tryDecode decodes bytes, or returns undefined for bytes that do not decode. */
export function tryDecode<T>(decode: (b: Buffer) => T, bytes: Buffer): T | undefined {
  try {
    return decode(bytes);
  } catch {
    return undefined;
  }
}

/** trySerialize encodes a (possibly ill-typed) message, or returns undefined when it cannot. */
export function trySerialize(serialize: (v: any) => Buffer, value: unknown): Buffer | undefined {
  try {
    return serialize(value);
  } catch {
    return undefined;
  }
}
