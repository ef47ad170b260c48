import type { Command } from 'commander';
import type { Mechanism, SignatureFormat } from '@hsmlab/client';
import { CliError, UsageError } from '../cli-errors';
import { action, type CommandContext } from '../command-context';
import { acceptGlobalOptions } from '../global-options';
import { collect, parseBase64, readInput, writeOutput } from '../input';
import { resolveKeyRef } from '../key-view';
import {
  encryptMechanism,
  hmacMechanism,
  ivLengthOf,
  signMechanism,
  tagLengthOf,
} from '../mechanisms';

interface CryptoOptions {
  keyFilter?: string[];
  hashFunction?: string;
  data?: string;
  dataPath?: string;
  signature?: string;
  signaturePath?: string;
  format?: string;
  aad?: string;
  iv?: string;
  outputPath?: string;
}

const KEY_FILTER = '--key-filter <name=value,...>';
const KEY_FILTER_HELP = 'the key: a handle, or name=value,... matching exactly one key (required)';

function signatureFormat(text: string | undefined): SignatureFormat {
  if (text === undefined || text === 'der') return 'der';
  if (text === 'ieee-p1363' || text === 'raw') return 'ieee-p1363';
  throw new UsageError(`--format must be der or ieee-p1363; got ${JSON.stringify(text)}`);
}

/** withDataOptions adds the input options every crypto command shares. */
function withDataOptions(command: Command): Command {
  return command
    .option(KEY_FILTER, KEY_FILTER_HELP, collect)
    .option('--data <base64>', 'the input bytes, base64')
    .option('--data-path <file>', 'a file holding the input bytes');
}

/** emit prints result bytes: base64 on stdout, or raw into --output-path. */
async function emit(
  context: CommandContext,
  name: string,
  bytes: Buffer,
  options: CryptoOptions,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const { output } = context;
  if (options.outputPath !== undefined) {
    await writeOutput(options.outputPath, bytes);
    output.result({ ...extra, outputPath: options.outputPath, bytes: bytes.length }, () =>
      output.line(`wrote ${bytes.length} bytes to ${options.outputPath}`),
    );
    return;
  }
  output.result({ ...extra, [name]: bytes.toString('base64') }, () =>
    output.line(bytes.toString('base64')),
  );
}

/**
 * registerCryptoCommands adds `hsmlab crypto ...`. Input comes from --data
 * (base64) or --data-path (a file); results print as base64, or go to
 * --output-path as raw bytes. `encrypt` prints the IV, ciphertext and tag
 * packed in that order (the IV and tag only where the mechanism has them),
 * which is what `decrypt` takes back.
 */
export function registerCryptoCommands(program: Command): void {
  const crypto = program.command('crypto').description('sign, verify, encrypt, decrypt and HMAC');

  acceptGlobalOptions(
    withDataOptions(
      crypto
        .command('sign')
        .description('sign data with a private key or an HMAC key')
        .argument('<mechanism>', 'ecdsa, rsa-pkcs1, rsa-pss, ed25519, hmac, or e.g. ecdsa-sha384'),
    )
      .option('--hash-function <hash>', 'sha256, sha384 or sha512 (default sha256)')
      .option('--format <format>', 'ECDSA signature encoding: der or ieee-p1363 (default der)')
      .option('--output-path <file>', 'write the signature to a file instead'),
  ).action(
    action<CryptoOptions>(async (context, [name], options) => {
      const mechanism = signMechanism(name!, options.hashFunction);
      const format = signatureFormat(options.format);
      const data = await readInput(options.data, options.dataPath);
      const sdk = await context.cluster('crypto-user');
      const key = await resolveKeyRef(sdk, options.keyFilter, '--key-filter');
      const signature = await sdk.crypto.sign(key, mechanism, data, { format });
      await emit(context, 'signature', signature, options, { mechanism, key });
    }),
  );

  acceptGlobalOptions(
    withDataOptions(
      crypto
        .command('verify')
        .description('check a signature; exits 1 when it does not verify')
        .argument('<mechanism>', 'ecdsa, rsa-pkcs1, rsa-pss, ed25519, hmac, or e.g. ecdsa-sha384'),
    )
      .option('--hash-function <hash>', 'sha256, sha384 or sha512 (default sha256)')
      .option('--format <format>', 'ECDSA signature encoding: der or ieee-p1363 (default der)')
      .option('--signature <base64>', 'the signature')
      .option('--signature-path <file>', 'a file holding the signature'),
  ).action(
    action<CryptoOptions>(async (context, [name], options) => {
      const mechanism = signMechanism(name!, options.hashFunction);
      const format = signatureFormat(options.format);
      const data = await readInput(options.data, options.dataPath);
      const signature = await readInput(options.signature, options.signaturePath, 'signature');
      const sdk = await context.cluster('crypto-user');
      const key = await resolveKeyRef(sdk, options.keyFilter, '--key-filter');
      const valid = await sdk.crypto.verify(key, mechanism, data, signature, { format });
      context.output.result({ mechanism, key, valid }, () =>
        context.output.line(valid ? 'signature is valid' : 'signature is NOT valid'),
      );
      if (!valid) process.exitCode = 1;
    }),
  );

  acceptGlobalOptions(
    withDataOptions(
      crypto
        .command('hmac')
        .description('compute an HMAC with a generic-secret key')
        .argument('<hash-function>', 'sha256, sha384 or sha512'),
    ).option('--output-path <file>', 'write the MAC to a file instead'),
  ).action(
    action<CryptoOptions>(async (context, [hash], options) => {
      const mechanism = hmacMechanism(hash!);
      const data = await readInput(options.data, options.dataPath);
      const sdk = await context.cluster('crypto-user');
      const key = await resolveKeyRef(sdk, options.keyFilter, '--key-filter');
      const mac = await sdk.crypto.sign(key, mechanism, data);
      await emit(context, 'mac', mac, options, { mechanism, key });
    }),
  );

  acceptGlobalOptions(
    withDataOptions(
      crypto
        .command('encrypt')
        .description('encrypt data; prints iv || ciphertext || tag, base64')
        .argument('<mechanism>', 'aes-gcm, aes-cbc-pad, aes-ctr or rsa-oaep'),
    )
      .option('--hash-function <hash>', 'rsa-oaep: sha1 or sha256 (default sha256)')
      .option('--aad <base64>', 'AES-GCM additional data, or the RSA-OAEP label')
      .option('--iv <base64>', 'AES-CBC/CTR: a 16-byte IV (default: the HSM picks one)')
      .option('--output-path <file>', 'write the packed ciphertext to a file instead'),
  ).action(
    action<CryptoOptions>(async (context, [name], options) => {
      const mechanism = encryptMechanism(name!, options.hashFunction);
      const data = await readInput(options.data, options.dataPath);
      const aad = options.aad === undefined ? undefined : parseBase64(options.aad, '--aad');
      const iv = options.iv === undefined ? undefined : parseBase64(options.iv, '--iv');
      const sdk = await context.cluster('crypto-user');
      const key = await resolveKeyRef(sdk, options.keyFilter, '--key-filter');
      const sealed = await sdk.crypto.encrypt(key, mechanism, data, { aad, iv });
      const packed = Buffer.concat([sealed.iv, sealed.ciphertext, sealed.tag]);
      await emit(context, 'ciphertext', packed, options, {
        mechanism,
        key,
        iv: sealed.iv.toString('base64'),
        tag: sealed.tag.toString('base64'),
      });
    }),
  );

  acceptGlobalOptions(
    withDataOptions(
      crypto
        .command('decrypt')
        .description('decrypt what `crypto encrypt` printed (iv || ciphertext || tag)')
        .argument('<mechanism>', 'aes-gcm, aes-cbc-pad, aes-ctr or rsa-oaep'),
    )
      .option('--hash-function <hash>', 'rsa-oaep: sha1 or sha256 (default sha256)')
      .option('--aad <base64>', 'AES-GCM additional data, or the RSA-OAEP label')
      .option('--output-path <file>', 'write the plaintext to a file instead'),
  ).action(
    action<CryptoOptions>(async (context, [name], options) => {
      const mechanism = encryptMechanism(name!, options.hashFunction);
      const packed = await readInput(options.data, options.dataPath);
      const aad = options.aad === undefined ? undefined : parseBase64(options.aad, '--aad');
      const input = unpack(mechanism, packed);
      const sdk = await context.cluster('crypto-user');
      const key = await resolveKeyRef(sdk, options.keyFilter, '--key-filter');
      const plaintext = await sdk.crypto.decrypt(key, mechanism, { ...input, aad });
      await emit(context, 'plaintext', plaintext, options, { mechanism, key });
    }),
  );
}

/** unpack splits a packed ciphertext back into its IV, body and tag. */
function unpack(
  mechanism: Mechanism,
  packed: Buffer,
): { iv: Buffer; ciphertext: Buffer; tag: Buffer } {
  const ivLength = ivLengthOf(mechanism);
  const tagLength = tagLengthOf(mechanism);
  if (packed.length < ivLength + tagLength) {
    throw new CliError(
      `the ciphertext is ${packed.length} bytes, shorter than ${mechanism}'s IV and tag (${ivLength + tagLength})`,
    );
  }
  return {
    iv: packed.subarray(0, ivLength),
    ciphertext: packed.subarray(ivLength, packed.length - tagLength),
    tag: packed.subarray(packed.length - tagLength),
  };
}
