import { BOOLEAN_KEY_ATTRIBUTES, KEY_USE_ATTRIBUTES } from '@hsmlab/proto';
import type { KeyAttributes, KeyClass, KeyType, Role } from '../model/objects';
import { InvalidArgumentError, PermissionError } from './errors';
import { describeKey, type KeyUse, MECHANISMS } from './mechanisms';

/** KeyTemplate is a request's attributes: unset fields take the defaults. */
export type KeyTemplate = Partial<KeyAttributes>;

/** AttributeSubject is what the policy needs to know about a stored key. */
export interface AttributeSubject {
  readonly keyClass: KeyClass;
  readonly keyType: KeyType;
  readonly attributes: KeyAttributes;
  /** Only for messages. */
  readonly handle?: string;
}

const USES: readonly KeyUse[] = KEY_USE_ATTRIBUTES;

/**
 * usePossible is true when some mechanism lets a key of this class and type
 * perform use (from the MECHANISMS table), e.g. verify with an RSA private
 * key (through its public half) but never sign with a public key.
 */
export function usePossible(keyClass: KeyClass, keyType: KeyType, use: KeyUse): boolean {
  return Object.values(MECHANISMS).some(
    (spec) => spec.keyType === keyType && (spec.uses[use]?.includes(keyClass) ?? false),
  );
}

/**
 * defaultAttributes fills every field template leaves unset. It does not
 * validate: call validateTemplate first (or resolveAttributes for both).
 *
 * Defaults (CloudHSM-like; "use" = every use some mechanism allows):
 *
 *   class/type          sens  extr  enc dec wrap unwrap sign verify derive
 *   secret aes          true  true  T   T   F    F      -    -      F
 *   secret generic      true  true  -   -   -    -      T    T      F
 *   private rsa         true  true  -   T   -    F      T    F      -
 *   private ec          true  true  -   -   -    -      T    F      F
 *   private ed25519     true  true  -   -   -    -      T    F      -
 *   public rsa          false true  T   -   F    -      -    T      -
 *   public ec/ed25519   false true  -   -   -    -      -    T      -
 *
 *   ("-" is false and cannot be set: no mechanism could use it.)
 *
 * Everywhere: token true, trusted false, wrapWithTrusted false, label and
 * id empty. derive (ECDH) is opt-in as in PKCS#11. A private key verifies
 * only when asked (verify=true); PKCS#11 private keys have no CKA_VERIFY.
 * wrap and unwrap are opt-in too: a key may not both wrap and decrypt, nor
 * both unwrap and encrypt (see checkUsageConflicts), so a wrapping key is
 * made on purpose, with encrypt and decrypt off.
 */
export function defaultAttributes(
  keyClass: KeyClass,
  keyType: KeyType,
  template: KeyTemplate = {},
): KeyAttributes {
  const use = (u: KeyUse): boolean => usePossible(keyClass, keyType, u);
  const defaults: KeyAttributes = {
    label: '',
    id: '',
    token: true,
    extractable: true,
    sensitive: keyClass !== 'public',
    sign: use('sign'),
    verify: use('verify') && keyClass !== 'private',
    encrypt: use('encrypt'),
    decrypt: use('decrypt'),
    wrap: false,
    unwrap: false,
    derive: false,
    trusted: false,
    wrapWithTrusted: false,
  };
  return { ...defaults, ...setFields(template) };
}

/** setFields is the attribute fields template sets; unknown keys are dropped. */
function setFields(template: KeyTemplate): KeyTemplate {
  const out: Record<string, unknown> = {};
  for (const name of ['label', 'id', ...BOOLEAN_KEY_ATTRIBUTES] as const) {
    if (template[name] !== undefined) out[name] = template[name];
  }
  return out as KeyTemplate;
}

/**
 * validateTemplate rejects a template that no key of this class and type can
 * carry: a use no mechanism allows (sign on a public key, encrypt with an EC
 * key, ...), a sensitive public key, trusted on a private key (trust is for
 * wrapping keys), wrapWithTrusted on a public key (public keys are never
 * wrapped). Setting trusted=true is a crypto officer's act: PermissionError
 * for anyone else.
 */
export function validateTemplate(
  keyClass: KeyClass,
  keyType: KeyType,
  template: KeyTemplate,
  callerRole: Role = 'crypto-user',
): void {
  checkTemplateShape(template);
  const what = `a ${keyType} ${keyClass} key`;
  for (const use of USES) {
    if (template[use] === true && !usePossible(keyClass, keyType, use)) {
      throw new InvalidArgumentError(`${what} cannot have ${use}=true: no mechanism allows it`);
    }
  }
  if (keyClass === 'public' && template.sensitive === true) {
    throw new InvalidArgumentError('a public key cannot be sensitive');
  }
  if (keyClass === 'private' && template.trusted === true) {
    throw new InvalidArgumentError('a private key cannot be trusted: trust marks wrapping keys');
  }
  if (keyClass === 'public' && template.wrapWithTrusted === true) {
    throw new InvalidArgumentError('a public key cannot have wrapWithTrusted: it is never wrapped');
  }
  if (template.trusted === true && callerRole !== 'crypto-officer') {
    throw new PermissionError('only a crypto officer may set trusted=true');
  }
}

/** checkTemplateShape checks each set field's type and the id's encoding. */
function checkTemplateShape(template: KeyTemplate): void {
  for (const name of BOOLEAN_KEY_ATTRIBUTES) {
    const value: unknown = template[name];
    if (value !== undefined && typeof value !== 'boolean') {
      throw new InvalidArgumentError(`attribute ${name} must be a boolean`);
    }
  }
  for (const name of ['label', 'id'] as const) {
    const value: unknown = template[name];
    if (value !== undefined && typeof value !== 'string') {
      throw new InvalidArgumentError(`attribute ${name} must be a string`);
    }
  }
  if (template.id !== undefined && !/^(?:[0-9a-f]{2})*$/.test(template.id)) {
    throw new InvalidArgumentError('attribute id must be lower-case hex of whole bytes');
  }
}

/** resolveAttributes is validateTemplate then defaultAttributes. */
export function resolveAttributes(
  keyClass: KeyClass,
  keyType: KeyType,
  template: KeyTemplate,
  callerRole: Role = 'crypto-user',
): KeyAttributes {
  validateTemplate(keyClass, keyType, template, callerRole);
  const attributes = defaultAttributes(keyClass, keyType, template);
  checkUsageConflicts(attributes, `a ${keyType} ${keyClass} key`);
  return attributes;
}

/** AttributeHolder is anything with attributes: a KeyBody, a LoadedKey, ... */
export interface AttributeHolder {
  readonly attributes: KeyAttributes;
  readonly handle?: string;
}

/**
 * requireAttribute throws PermissionError ("key k-1 has sign=false") unless
 * the key's attribute for op is true. Call it as (key, op) with anything that
 * has attributes, or as (handle, body, op) to name a body that has no handle.
 */
export function requireAttribute(key: AttributeHolder, op: KeyUse): void;
export function requireAttribute(handle: string, key: AttributeHolder, op: KeyUse): void;
export function requireAttribute(
  a: AttributeHolder | string,
  b: AttributeHolder | KeyUse,
  c?: KeyUse,
): void {
  const key = typeof a === 'string' ? (b as AttributeHolder) : a;
  const op = typeof a === 'string' ? (c as KeyUse) : (b as KeyUse);
  const handle = typeof a === 'string' ? a : a.handle;
  if (key.attributes[op] !== true) {
    throw new PermissionError(`${describeKey({ handle })} has ${op}=false`, { keyHandle: handle });
  }
}

/**
 * checkAttributeChange returns the key's attributes with patch applied, or
 * throws PermissionError when the change would loosen protection:
 *
 * - sensitive may go false->true, never true->false;
 * - extractable may go true->false, never false->true;
 * - wrapWithTrusted may be set, never cleared;
 * - token never changes (a session object cannot become a token one);
 * - trusted changes (either way) need callerRole 'crypto-officer', as in
 *   CloudHSM where only the CO marks wrapping keys trusted. Whether a CO may
 *   change a user's other attributes is the service's ownership rule.
 *
 * Given the key (a KeyBody or LoadedKey), the result must also be a valid
 * template for its class and type, so sign cannot be turned on for a public
 * key. Given bare attributes only the rules above apply: pass the key.
 */
export function checkAttributeChange(
  key: AttributeSubject | KeyAttributes,
  patch: KeyTemplate,
  callerRole: Role,
): KeyAttributes {
  const subject = isSubject(key) ? key : undefined;
  const old = subject === undefined ? (key as KeyAttributes) : subject.attributes;
  checkTemplateShape(patch);
  const next: KeyAttributes = { ...old, ...setFields(patch) };
  const handle = subject?.handle;
  const refuse = (why: string): never => {
    throw new PermissionError(`${describeKey({ handle })}: ${why}`, { keyHandle: handle });
  };
  if (old.sensitive && !next.sensitive) refuse('sensitive cannot be cleared once set');
  if (!old.extractable && next.extractable) refuse('extractable cannot be set again once cleared');
  if (old.wrapWithTrusted && !next.wrapWithTrusted) refuse('wrapWithTrusted cannot be cleared');
  if (old.token !== next.token) refuse('token cannot change');
  // Cipher and wrapping uses can be narrowed but never widened after the key
  // exists: otherwise a key could wrap a target and then be switched to
  // decrypt (or encrypt chosen bytes, then switch to unwrap them).
  for (const use of ['encrypt', 'decrypt', 'wrap', 'unwrap'] as const) {
    if (!old[use] && next[use]) refuse(`${use} cannot be turned on after the key is made`);
  }
  if (old.trusted !== next.trusted && callerRole !== 'crypto-officer') {
    refuse('only a crypto officer may change trusted');
  }
  checkUsageConflicts(next, describeKey({ handle }));
  if (subject !== undefined) {
    // The role rule for trusted was applied just above; an unchanged
    // trusted=true must not fail here for a crypto user.
    validateTemplate(subject.keyClass, subject.keyType, next, 'crypto-officer');
  }
  return next;
}

/**
 * checkUsageConflicts refuses attribute sets that let a key's owner read a
 * sensitive key in the clear with no help from outside: wrap together with
 * decrypt (wrap the target, then decrypt the blob with the same key) and
 * unwrap together with encrypt (encrypt chosen bytes, then unwrap them as a
 * key whose value the caller knows). A key pair is checked as a pair by the
 * caller: a public key that wraps and a private key that decrypts is the
 * same hole.
 */
export function checkUsageConflicts(attributes: KeyAttributes, what = 'a key'): void {
  if (attributes.wrap && attributes.decrypt) {
    throw new InvalidArgumentError(
      `${what} cannot have both wrap and decrypt (wrap-then-decrypt would reveal wrapped keys)`,
    );
  }
  if (attributes.unwrap && attributes.encrypt) {
    throw new InvalidArgumentError(
      `${what} cannot have both unwrap and encrypt (encrypt-then-unwrap would plant a known key)`,
    );
  }
}

function isSubject(value: AttributeSubject | KeyAttributes): value is AttributeSubject {
  return typeof (value as { attributes?: unknown }).attributes === 'object';
}

/**
 * checkWrapAllowed throws unless wrappingKey may wrap target: wrappingKey
 * needs wrap=true; target must be a secret or private key with
 * extractable=true; a target with wrapWithTrusted=true needs a wrapping key
 * with trusted=true. Mechanism fit is checked by wrap().
 *
 * NB: unlike plain PKCS#11, a key that wraps can never also decrypt (nor
 * gain decrypt later), so the wrap-then-decrypt attack is closed inside the
 * HSM. An extractable key can still leave wrapped under any key its owner
 * may use, including one whose other half the owner holds outside: keys
 * that must never leave need extractable=false, or wrapWithTrusted=true so
 * that only officer-approved keys can wrap them.
 */
export function checkWrapAllowed(wrappingKey: AttributeSubject, target: AttributeSubject): void {
  requireAttribute(wrappingKey, 'wrap');
  checkUsageConflicts(wrappingKey.attributes, describeKey({ handle: wrappingKey.handle }));
  if (target.keyClass === 'public') {
    throw new InvalidArgumentError(
      `${describeKey(target)} is a public key; public keys are read, not wrapped`,
      { keyHandle: target.handle },
    );
  }
  if (!target.attributes.extractable) {
    throw new PermissionError(`${describeKey(target)} has extractable=false`, {
      keyHandle: target.handle,
    });
  }
  if (target.attributes.wrapWithTrusted && !wrappingKey.attributes.trusted) {
    throw new PermissionError(
      `${describeKey(target)} has wrapWithTrusted=true and ${describeKey(wrappingKey)} is not trusted`,
      { keyHandle: target.handle },
    );
  }
}

/** checkUnwrapAllowed throws unless unwrappingKey has unwrap=true. */
export function checkUnwrapAllowed(unwrappingKey: AttributeSubject): void {
  requireAttribute(unwrappingKey, 'unwrap');
  checkUsageConflicts(unwrappingKey.attributes, describeKey({ handle: unwrappingKey.handle }));
}
