import type { Command } from 'commander';
import type { KeyFormat, KeyType } from '@hsmlab/client';
import { UsageError } from '../cli-errors';
import { action } from '../command-context';
import { acceptGlobalOptions } from '../global-options';
import { collect, parseAttributes, readInput, writeOutput } from '../input';
import { printKey, resolveKeyRef } from '../key-view';
import { wrapMechanism } from '../mechanisms';

interface WrapOptions {
  payloadFilter?: string[];
  wrappingFilter?: string[];
  hashFunction?: string;
  outputPath?: string;
}

interface UnwrapOptions {
  unwrappingFilter?: string[];
  hashFunction?: string;
  data?: string;
  dataPath?: string;
  keyTypeClass?: string;
  label?: string;
  attributes?: string[];
}

interface ImportOptions {
  data?: string;
  dataPath?: string;
  keyType?: string;
  label?: string;
  attributes?: string[];
}

/** KEY_TYPE_CLASSES are the `--key-type-class` values of unwrap, as CloudHSM CLI names them. */
const KEY_TYPE_CLASSES: Record<string, { keyType: KeyType; keyClass: 'secret' | 'private' }> = {
  aes: { keyType: 'aes', keyClass: 'secret' },
  'generic-secret': { keyType: 'generic-secret', keyClass: 'secret' },
  'rsa-private': { keyType: 'rsa', keyClass: 'private' },
  'ec-private': { keyType: 'ec', keyClass: 'private' },
  'ed25519-private': { keyType: 'ed25519', keyClass: 'private' },
};

const IMPORT_KEY_TYPES: readonly KeyType[] = ['aes', 'generic-secret', 'rsa', 'ec', 'ed25519'];

/**
 * registerKeyTransferCommands adds the commands that move key material in
 * and out of the cluster: `key wrap`, `key unwrap` and `key import`.
 */
export function registerKeyTransferCommands(key: Command): void {
  acceptGlobalOptions(
    key
      .command('wrap')
      .description('export a key encrypted under another key (base64, or to a file)')
      .argument('<mechanism>', 'aes-key-wrap, aes-key-wrap-pad, aes-gcm or rsa-oaep')
      .option('--payload-filter <name=value,...>', 'the key to wrap (required)', collect)
      .option('--wrapping-filter <name=value,...>', 'the key to wrap it with (required)', collect)
      .option('--hash-function <hash>', 'rsa-oaep: sha1 or sha256 (default sha256)')
      .option('--output-path <file>', 'write the wrapped bytes to a file instead'),
  ).action(
    action<WrapOptions>(async (context, [mechanismName], options) => {
      const mechanism = wrapMechanism(mechanismName!, options.hashFunction);
      const sdk = await context.cluster('crypto-user');
      const payload = await resolveKeyRef(sdk, options.payloadFilter, '--payload-filter');
      const wrapping = await resolveKeyRef(sdk, options.wrappingFilter, '--wrapping-filter');
      const wrapped = await sdk.keys.wrapKey(wrapping, payload, mechanism);
      const { output } = context;
      if (options.outputPath !== undefined) {
        await writeOutput(options.outputPath, wrapped);
        output.result({ mechanism, outputPath: options.outputPath, bytes: wrapped.length }, () =>
          output.line(`wrote ${wrapped.length} bytes to ${options.outputPath}`),
        );
        return;
      }
      output.result({ mechanism, wrapped: wrapped.toString('base64') }, () =>
        output.line(wrapped.toString('base64')),
      );
    }),
  );

  acceptGlobalOptions(
    key
      .command('unwrap')
      .description('import a wrapped key under an unwrapping key')
      .argument('<mechanism>', 'aes-key-wrap, aes-key-wrap-pad, aes-gcm or rsa-oaep')
      .option('--unwrapping-filter <name=value,...>', 'the key to unwrap with (required)', collect)
      .option('--hash-function <hash>', 'rsa-oaep: sha1 or sha256 (default sha256)')
      .option('--data <base64>', 'the wrapped key')
      .option('--data-path <file>', 'a file holding the wrapped key')
      .option(
        '--key-type-class <kind>',
        `what it is: ${Object.keys(KEY_TYPE_CLASSES).join(', ')} (required)`,
      )
      .option('--label <label>', "the new key's label")
      .option('--attributes <name=value,...>', 'more attributes of the new key', collect),
  ).action(
    action<UnwrapOptions>(async (context, [mechanismName], options) => {
      const mechanism = wrapMechanism(mechanismName!, options.hashFunction);
      const kind = KEY_TYPE_CLASSES[options.keyTypeClass ?? ''];
      if (kind === undefined) {
        throw new UsageError(
          `--key-type-class must be one of ${Object.keys(KEY_TYPE_CLASSES).join(', ')}`,
        );
      }
      const wrapped = await readInput(options.data, options.dataPath);
      const attributes = parseAttributes(options.attributes, '--attributes');
      if (options.label !== undefined) attributes.label = options.label;
      const sdk = await context.cluster('crypto-user');
      const unwrappingKey = await resolveKeyRef(
        sdk,
        options.unwrappingFilter,
        '--unwrapping-filter',
      );
      const made = await sdk.keys.unwrapKey({
        unwrappingKey,
        mechanism,
        wrapped,
        keyType: kind.keyType,
        keyClass: kind.keyClass,
        attributes,
      });
      printKey(context.output, made);
    }),
  );

  acceptGlobalOptions(
    key
      .command('import')
      .description('import plaintext key material (a lab convenience; real HSMs discourage it)')
      .argument('<format>', 'pem (PKCS#8 or SPKI), der, or raw (secret bytes)')
      .option('--data <base64>', 'the key material')
      .option('--data-path <file>', 'a file holding the key material')
      .option('--key-type <type>', `${IMPORT_KEY_TYPES.join(', ')} (required for raw)`)
      .option('--label <label>', "the key's label")
      .option('--attributes <name=value,...>', 'more attributes', collect),
  ).action(
    action<ImportOptions>(async (context, [formatName], options) => {
      const format = importFormat(formatName);
      const keyType = importKeyType(options.keyType);
      if (format === 'raw' && keyType === undefined) {
        throw new UsageError('--key-type is required for raw material (aes or generic-secret)');
      }
      const material = await readInput(options.data, options.dataPath);
      const attributes = parseAttributes(options.attributes, '--attributes');
      if (options.label !== undefined) attributes.label = options.label;
      const sdk = await context.cluster('crypto-user');
      const made = await sdk.keys.importKey({
        format,
        material: format === 'pem' ? material.toString('utf8') : material,
        keyType,
        attributes,
      });
      printKey(context.output, made);
    }),
  );
}

function importFormat(name: string | undefined): KeyFormat {
  if (name === 'pem' || name === 'der' || name === 'raw') return name;
  throw new UsageError(`format must be pem, der or raw; got ${JSON.stringify(name)}`);
}

function importKeyType(name: string | undefined): KeyType | undefined {
  if (name === undefined) return undefined;
  if ((IMPORT_KEY_TYPES as readonly string[]).includes(name)) return name as KeyType;
  throw new UsageError(`--key-type must be one of ${IMPORT_KEY_TYPES.join(', ')}; got ${name}`);
}
