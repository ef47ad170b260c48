import type { Command } from 'commander';
import type { GenerateKeyPairParams, KeyAttributes } from '@hsmlab/client';
import { UsageError } from '../cli-errors';
import { parsePositiveInteger } from '../cluster-target';
import { action, requireValue } from '../command-context';
import { acceptGlobalOptions } from '../global-options';
import { collect, parseAttributes, setAttribute } from '../input';
import { KEY_COLUMNS, keyJson, parseKeyFilter, printKey, resolveKeyRef } from '../key-view';
import { parseCurve } from '../mechanisms';
import { registerKeyTransferCommands } from './key-transfer';

interface SymmetricOptions {
  label?: string;
  keyLengthBytes?: string;
  attributes?: string[];
}

interface PairOptions {
  modulusSizeBits?: string;
  publicExponent?: string;
  curve?: string;
  publicLabel?: string;
  privateLabel?: string;
  publicAttributes?: string[];
  privateAttributes?: string[];
}

interface SelectOptions {
  filter?: string[];
  name?: string;
  value?: string;
  username?: string;
}

function withLabel(attributes: KeyAttributes, label: string | undefined): KeyAttributes {
  return label === undefined ? attributes : { ...attributes, label };
}

/**
 * registerKeyCommands adds `hsmlab key ...`, named after CloudHSM CLI. Keys
 * are picked with `--filter`: a handle, `key-reference=<handle>`, or
 * attributes (`label=my-key`) that must match exactly one key.
 */
export function registerKeyCommands(program: Command): void {
  const key = program.command('key').description('generate, find, change, share and move keys');
  const filterHelp = 'the key: a handle, or name=value,... matching exactly one key (required)';

  acceptGlobalOptions(
    key
      .command('generate-symmetric')
      .description('generate an AES or generic-secret (HMAC) key')
      .argument('<type>', 'aes or generic-secret')
      .option('--label <label>', "the key's label")
      .option('--key-length-bytes <n>', 'AES: 16, 24 or 32; generic secret: 8 to 512 (required)')
      .option('--attributes <name=value,...>', 'more attributes, e.g. extractable=false', collect),
  ).action(
    action<SymmetricOptions>(async (context, [type], options) => {
      if (type !== 'aes' && type !== 'generic-secret') {
        throw new UsageError(`key type must be aes or generic-secret; got ${JSON.stringify(type)}`);
      }
      const lengthBytes = parsePositiveInteger(
        requireValue(options.keyLengthBytes, '--key-length-bytes'),
        '--key-length-bytes',
      );
      const attributes = withLabel(
        parseAttributes(options.attributes, '--attributes'),
        options.label,
      );
      const sdk = await context.cluster('crypto-user');
      const made = await sdk.keys.generateSymmetricKey({
        keyType: type,
        sizeBits: lengthBytes * 8,
        attributes,
      });
      printKey(context.output, made);
    }),
  );

  acceptGlobalOptions(
    key
      .command('generate-asymmetric-pair')
      .description('generate an RSA, EC or Ed25519 key pair')
      .argument('<type>', 'rsa, ec or ed25519')
      .option('--modulus-size-bits <n>', 'RSA: 2048, 3072 or 4096')
      .option('--public-exponent <n>', 'RSA public exponent (default 65537)')
      .option('--curve <name>', 'EC: secp256r1 (P-256), secp384r1 (P-384) or secp256k1')
      .option('--public-label <label>', 'label of the public key')
      .option('--private-label <label>', 'label of the private key')
      .option('--public-attributes <name=value,...>', 'more public-key attributes', collect)
      .option('--private-attributes <name=value,...>', 'more private-key attributes', collect),
  ).action(
    action<PairOptions>(async (context, [type], options) => {
      const params: GenerateKeyPairParams = {
        keyType: pairType(type),
        publicAttributes: withLabel(
          parseAttributes(options.publicAttributes, '--public-attributes'),
          options.publicLabel,
        ),
        privateAttributes: withLabel(
          parseAttributes(options.privateAttributes, '--private-attributes'),
          options.privateLabel,
        ),
      };
      if (type === 'rsa') {
        const bits = requireValue(options.modulusSizeBits, '--modulus-size-bits');
        params.modulusBits = parsePositiveInteger(bits, '--modulus-size-bits');
        if (options.publicExponent !== undefined) {
          params.publicExponent = parsePositiveInteger(
            options.publicExponent,
            '--public-exponent',
            3,
          );
        }
      } else if (options.modulusSizeBits !== undefined || options.publicExponent !== undefined) {
        throw new UsageError('--modulus-size-bits and --public-exponent are for rsa keys only');
      }
      if (type === 'ec') params.curve = parseCurve(requireValue(options.curve, '--curve'));
      else if (options.curve !== undefined) throw new UsageError('--curve is for ec keys only');

      const sdk = await context.cluster('crypto-user');
      const pair = await sdk.keys.generateKeyPair(params);
      const { output } = context;
      output.result(
        { publicKey: keyJson(pair.publicKey), privateKey: keyJson(pair.privateKey) },
        () => {
          output.table([pair.publicKey, pair.privateKey], KEY_COLUMNS);
        },
      );
    }),
  );

  acceptGlobalOptions(
    key
      .command('list')
      .description('list the keys you own or that are shared with you')
      .option(
        '--filter <name=value,...>',
        'only keys matching: label=, key-type=, class=, owned-only=, any attribute',
        collect,
      ),
  ).action(
    action<SelectOptions>(async (context, _args, options) => {
      const selector = parseKeyFilter(options.filter ?? [], '--filter');
      const sdk = await context.cluster('crypto-user');
      const keys =
        selector.handle !== undefined
          ? [await sdk.keys.getKey(selector.handle)]
          : await sdk.keys.findKeys(selector);
      const { output } = context;
      output.result({ keys: keys.map(keyJson) }, () =>
        output.table(keys, KEY_COLUMNS, '(no keys)'),
      );
    }),
  );

  acceptGlobalOptions(
    key
      .command('delete')
      .description('delete a key on every HSM')
      .option('--filter <name=value,...>', filterHelp, collect),
  ).action(
    action<SelectOptions>(async (context, _args, options) => {
      const sdk = await context.cluster('crypto-user');
      const handle = await resolveKeyRef(sdk, options.filter, '--filter');
      await sdk.keys.deleteKey(handle);
      context.output.result({ deleted: handle }, () => context.output.line(`deleted ${handle}`));
    }),
  );

  acceptGlobalOptions(
    key
      .command('set-attribute')
      .description('change one attribute of a key (sensitive/extractable only tighten)')
      .option('--filter <name=value,...>', filterHelp, collect)
      .option('--name <attribute>', 'e.g. label, sign, decrypt (required)')
      .option('--value <value>', 'text for label, hex for id, true/false otherwise (required)'),
  ).action(
    action<SelectOptions>(async (context, _args, options) => {
      const name = requireValue(options.name, '--name').toLowerCase();
      const value = requireValue(options.value, '--value');
      const attributes: KeyAttributes = {};
      if (!setAttribute(attributes, name, value, '--name')) {
        throw new UsageError(`--name: unknown attribute ${JSON.stringify(name)}`);
      }
      const sdk = await context.cluster('crypto-user');
      const handle = await resolveKeyRef(sdk, options.filter, '--filter');
      printKey(context.output, await sdk.keys.setAttributes(handle, attributes));
    }),
  );

  for (const verb of ['share', 'unshare'] as const) {
    acceptGlobalOptions(
      key
        .command(verb)
        .description(`${verb} a key you own ${verb === 'share' ? 'with' : 'from'} a crypto user`)
        .option('--filter <name=value,...>', filterHelp, collect)
        .option('--username <name>', 'the other crypto user (required)'),
    ).action(
      action<SelectOptions>(async (context, _args, options) => {
        const username = requireValue(options.username, '--username');
        const sdk = await context.cluster('crypto-user');
        const handle = await resolveKeyRef(sdk, options.filter, '--filter');
        const changed =
          verb === 'share'
            ? await sdk.keys.shareKey(handle, username)
            : await sdk.keys.unshareKey(handle, username);
        printKey(context.output, changed);
      }),
    );
  }

  registerKeyTransferCommands(key);
}

function pairType(type: string | undefined): GenerateKeyPairParams['keyType'] {
  if (type === 'rsa' || type === 'ec' || type === 'ed25519') return type;
  throw new UsageError(`key type must be rsa, ec or ed25519; got ${JSON.stringify(type)}`);
}
