import type {
  FindKeysFilter,
  HsmCluster,
  KeyAttributes,
  KeyClass,
  KeyHandle,
  KeyType,
} from '@hsmlab/client';
import { KEY_USE_ATTRIBUTES } from '@hsmlab/proto';
import { CliError, UsageError } from './cli-errors';
import { ATTRIBUTE_NAMES, parseBoolean, setAttribute, splitPairs } from './input';
import type { Column, Output } from './output';

const KEY_TYPES: readonly KeyType[] = ['aes', 'generic-secret', 'rsa', 'ec', 'ed25519'];
const KEY_CLASSES: readonly KeyClass[] = ['secret', 'public', 'private'];

/** KeySelector is a parsed `--filter`: a handle, or attributes and types to match. */
export interface KeySelector extends FindKeysFilter {
  handle?: string;
}

/**
 * parseKeyFilter reads `--filter name=value,...` the CloudHSM CLI way:
 * `key-reference=<handle>`, `key-type=`, `class=`, `owned-only=`, and any
 * attribute (`label=`, `attr.sign=true`, ...).
 */
export function parseKeyFilter(lists: readonly string[], flag: string): KeySelector {
  const selector: KeySelector = {};
  const attributes: KeyAttributes = {};
  for (const [name, value] of splitPairs(lists, flag)) {
    if (name === 'key-reference' || name === 'handle') selector.handle = value;
    else if (name === 'key-type') selector.keyType = oneOf(value, KEY_TYPES, `${flag} key-type`);
    else if (name === 'class' || name === 'key-class') {
      selector.keyClass = oneOf(value, KEY_CLASSES, `${flag} class`);
    } else if (name === 'owned-only')
      selector.ownedOnly = parseBoolean(value, `${flag} owned-only`);
    else if (!setAttribute(attributes, name, value, flag)) {
      const known = ['key-reference', 'key-type', 'class', 'owned-only', ...ATTRIBUTE_NAMES];
      throw new UsageError(
        `${flag}: unknown filter ${JSON.stringify(name)} (known: ${known.join(', ')})`,
      );
    }
  }
  if (Object.keys(attributes).length > 0) selector.attributes = attributes;
  return selector;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `${flag} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`,
  );
}

/**
 * resolveKeyRef turns a key reference into a handle. A reference is a
 * handle (`key-…`), or a filter (`label=signing-key`) that must match
 * exactly one key the user can see.
 */
export async function resolveKeyRef(
  cluster: HsmCluster,
  reference: string | string[] | undefined,
  flag: string,
): Promise<string> {
  const lists = reference === undefined ? [] : Array.isArray(reference) ? reference : [reference];
  if (lists.length === 0) throw new UsageError(`${flag} is required (a key handle or name=value)`);
  if (lists.length === 1 && !lists[0]!.includes('=')) return lists[0]!.trim();
  const selector = parseKeyFilter(lists, flag);
  if (selector.handle !== undefined) return selector.handle;
  const keys = await cluster.keys.findKeys(selector);
  if (keys.length === 1) return keys[0]!.handle;
  const shown = lists.join(',');
  if (keys.length === 0) throw new CliError(`${flag} ${shown} matches no key`);
  throw new CliError(
    `${flag} ${shown} matches ${keys.length} keys (${keys
      .slice(0, 5)
      .map((k) => k.handle)
      .join(', ')}${keys.length > 5 ? ', …' : ''}); narrow it or give a handle`,
  );
}

/** keyJson is a key as `--json` prints it: bytes as base64, the check value as hex. */
export function keyJson(key: KeyHandle): Record<string, unknown> {
  return {
    handle: key.handle,
    keyType: key.keyType,
    keyClass: key.keyClass,
    sizeBits: key.sizeBits,
    curve: key.curve ?? null,
    owner: key.owner,
    sharedWith: key.sharedWith,
    attributes: {
      ...key.attributes,
      id: key.attributes.id === undefined ? undefined : key.attributes.id.toString('hex'),
    },
    publicKeyDer: key.publicKeyDer?.toString('base64') ?? null,
    checkValue: key.checkValue?.toString('hex') ?? null,
    version: key.version ?? null,
  };
}

/** KEY_COLUMNS are the columns of `key list`. */
export const KEY_COLUMNS: readonly Column<KeyHandle>[] = [
  { header: 'HANDLE', value: (k) => k.handle },
  { header: 'TYPE', value: (k) => k.keyType },
  { header: 'CLASS', value: (k) => k.keyClass },
  { header: 'SIZE', value: (k) => (k.curve === undefined ? k.sizeBits : k.curve) },
  { header: 'LABEL', value: (k) => k.attributes.label },
  { header: 'OWNER', value: (k) => k.owner },
  { header: 'SHARED WITH', value: (k) => k.sharedWith.join(',') },
  { header: 'USES', value: (k) => usesOf(k.attributes) },
];

function usesOf(attributes: Readonly<KeyAttributes>): string {
  return KEY_USE_ATTRIBUTES.filter((use) => attributes[use] === true).join(',');
}

/** printKey prints one key: all of it as JSON, or its main fields as lines. */
export function printKey(output: Output, key: KeyHandle, json: unknown = keyJson(key)): void {
  output.result(json, () =>
    output.record({
      handle: key.handle,
      type:
        key.curve === undefined ? `${key.keyType} ${key.sizeBits}` : `${key.keyType} ${key.curve}`,
      class: key.keyClass,
      label: key.attributes.label,
      owner: key.owner,
      'shared with': key.sharedWith.join(', '),
      uses: usesOf(key.attributes),
      'check value': key.checkValue?.toString('hex'),
    }),
  );
}
