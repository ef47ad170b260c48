import type { KeyAttributes } from './generated/hsmlab/hsm/v1/KeyAttributes';

/**
 * KEY_USE_ATTRIBUTES are the boolean key attributes that each allow one
 * operation (PKCS#11's CKA_SIGN, CKA_VERIFY, ...), by their field names in
 * hsmlab.hsm.v1.KeyAttributes and in proto order.
 */
export const KEY_USE_ATTRIBUTES = [
  'sign',
  'verify',
  'encrypt',
  'decrypt',
  'wrap',
  'unwrap',
  'derive',
] as const satisfies readonly (keyof KeyAttributes)[];

/**
 * BOOLEAN_KEY_ATTRIBUTES are every boolean PKCS#11-style key attribute, by
 * their field names in hsmlab.hsm.v1.KeyAttributes and in proto order. The
 * node, the SDK and the CLI all read this one list.
 */
export const BOOLEAN_KEY_ATTRIBUTES = [
  'token',
  'extractable',
  'sensitive',
  ...KEY_USE_ATTRIBUTES,
  'trusted',
  'wrapWithTrusted',
] as const satisfies readonly (keyof KeyAttributes)[];

/** KeyUseAttribute is the name of one attribute of KEY_USE_ATTRIBUTES. */
export type KeyUseAttribute = (typeof KEY_USE_ATTRIBUTES)[number];

/** BooleanKeyAttribute is the name of one boolean key attribute. */
export type BooleanKeyAttribute = (typeof BOOLEAN_KEY_ATTRIBUTES)[number];
