import type { hsmV1 } from '@hsmlab/proto';
import type { MaskedObjectValue } from '../masking';

/** maskedTo turns a sealed object into its wire message. */
export function maskedTo(m: MaskedObjectValue): hsmV1.MaskedObject {
  return {
    domainId: m.domainId,
    handle: m.handle,
    type: m.type as hsmV1.ObjectType,
    version: { wallMs: m.version.wallMs, logical: m.version.logical, nodeId: m.version.nodeId },
    tombstone: m.tombstone,
    sealed: m.sealed,
  };
}
