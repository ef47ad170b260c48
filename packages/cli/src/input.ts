import { readFile, writeFile } from 'node:fs/promises';
import type { KeyAttributes } from '@hsmlab/client';
import { BOOLEAN_KEY_ATTRIBUTES, type BooleanKeyAttribute } from '@hsmlab/proto';
import { UsageError } from './cli-errors';

/** collect is a commander reducer that gathers every use of a repeatable option. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** parseBase64 decodes standard base64, refusing anything else with a message naming the flag. */
export function parseBase64(text: string, flag: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (!BASE64.test(compact) || compact.length % 4 === 1) {
    throw new UsageError(`${flag} must be base64; got ${JSON.stringify(abbreviate(text))}`);
  }
  return Buffer.from(compact, 'base64');
}

/**
 * readInput reads bytes given either inline as base64 (`--<name>`) or as a
 * file's raw bytes (`--<name>-path`); exactly one of the two is needed.
 */
export async function readInput(
  inline: string | undefined,
  path: string | undefined,
  name = 'data',
): Promise<Buffer> {
  if (inline !== undefined && path !== undefined) {
    throw new UsageError(`give --${name} or --${name}-path, not both`);
  }
  if (inline !== undefined) return parseBase64(inline, `--${name}`);
  if (path !== undefined) return readFile(path);
  throw new UsageError(`--${name} (base64) or --${name}-path (a file) is required`);
}

/** writeOutput writes bytes to a file (mode 0600: it may be a wrapped key or plaintext). */
export async function writeOutput(path: string, bytes: Uint8Array): Promise<void> {
  await writeFile(path, bytes, { mode: 0o600 });
}

/** ATTRIBUTE_NAMES are the names `--attributes` and `--filter` accept, in kebab-case. */
export const ATTRIBUTE_NAMES = ['label', 'id', ...BOOLEAN_KEY_ATTRIBUTES.map(kebab)];

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function camel(name: string): string {
  return name.replace(/[-_]([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** splitPairs turns `a=1,b=2` (possibly repeated) into [name, value] pairs. */
export function splitPairs(lists: readonly string[], flag: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const list of lists) {
    for (const item of list.split(',')) {
      if (item.trim() === '') continue;
      const at = item.indexOf('=');
      if (at <= 0)
        throw new UsageError(`${flag}: expected name=value, got ${JSON.stringify(item)}`);
      const name = item
        .slice(0, at)
        .trim()
        .toLowerCase()
        .replace(/^attr\./, '');
      pairs.push([name, item.slice(at + 1).trim()]);
    }
  }
  return pairs;
}

/** parseBoolean reads true/false (also yes/no, 1/0) for the named flag. */
export function parseBoolean(text: string, flag: string): boolean {
  const value = text.toLowerCase();
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  throw new UsageError(`${flag} must be true or false; got ${JSON.stringify(text)}`);
}

/**
 * setAttribute sets one attribute from its text form on `attributes`:
 * label as text, id as hex (with or without 0x), the others as booleans.
 * It returns false when the name is not an attribute.
 */
export function setAttribute(
  attributes: KeyAttributes,
  name: string,
  value: string,
  flag: string,
): boolean {
  const field = camel(name);
  if (field === 'label') {
    attributes.label = value;
    return true;
  }
  if (field === 'id') {
    const hex = value.replace(/^0x/i, '');
    if (!/^([0-9a-fA-F]{2})*$/.test(hex)) {
      throw new UsageError(`${flag}: id must be hex bytes; got ${JSON.stringify(value)}`);
    }
    attributes.id = Buffer.from(hex, 'hex');
    return true;
  }
  if ((BOOLEAN_KEY_ATTRIBUTES as readonly string[]).includes(field)) {
    attributes[field as BooleanKeyAttribute] = parseBoolean(value, `${flag} ${name}`);
    return true;
  }
  return false;
}

/** parseAttributes reads `--attributes name=value,...` into a key template. */
export function parseAttributes(lists: readonly string[] | undefined, flag: string): KeyAttributes {
  const attributes: KeyAttributes = {};
  for (const [name, value] of splitPairs(lists ?? [], flag)) {
    if (!setAttribute(attributes, name, value, flag)) {
      throw new UsageError(
        `${flag}: unknown attribute ${JSON.stringify(name)} (known: ${ATTRIBUTE_NAMES.join(', ')})`,
      );
    }
  }
  return attributes;
}

/** abbreviate shortens long user input quoted in an error. */
export function abbreviate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
