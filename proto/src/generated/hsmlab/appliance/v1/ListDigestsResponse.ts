// Original file: proto/appliance.proto

import type { ObjectDigest as _hsmlab_appliance_v1_ObjectDigest, ObjectDigest__Output as _hsmlab_appliance_v1_ObjectDigest__Output } from '../../../hsmlab/appliance/v1/ObjectDigest';

export interface ListDigestsResponse {
  'digests'?: (_hsmlab_appliance_v1_ObjectDigest)[];
  'nextAfterHandle'?: (string);
}

export interface ListDigestsResponse__Output {
  'digests': (_hsmlab_appliance_v1_ObjectDigest__Output)[];
  'nextAfterHandle': (string);
}
