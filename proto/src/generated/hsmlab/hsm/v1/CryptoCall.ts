// Original file: proto/hsm.proto

import type { SignRequest as _hsmlab_hsm_v1_SignRequest, SignRequest__Output as _hsmlab_hsm_v1_SignRequest__Output } from '../../../hsmlab/hsm/v1/SignRequest';
import type { VerifyRequest as _hsmlab_hsm_v1_VerifyRequest, VerifyRequest__Output as _hsmlab_hsm_v1_VerifyRequest__Output } from '../../../hsmlab/hsm/v1/VerifyRequest';
import type { EncryptRequest as _hsmlab_hsm_v1_EncryptRequest, EncryptRequest__Output as _hsmlab_hsm_v1_EncryptRequest__Output } from '../../../hsmlab/hsm/v1/EncryptRequest';
import type { DecryptRequest as _hsmlab_hsm_v1_DecryptRequest, DecryptRequest__Output as _hsmlab_hsm_v1_DecryptRequest__Output } from '../../../hsmlab/hsm/v1/DecryptRequest';
import type { DigestRequest as _hsmlab_hsm_v1_DigestRequest, DigestRequest__Output as _hsmlab_hsm_v1_DigestRequest__Output } from '../../../hsmlab/hsm/v1/DigestRequest';
import type { GenerateRandomRequest as _hsmlab_hsm_v1_GenerateRandomRequest, GenerateRandomRequest__Output as _hsmlab_hsm_v1_GenerateRandomRequest__Output } from '../../../hsmlab/hsm/v1/GenerateRandomRequest';
import type { Long } from '@grpc/proto-loader';

export interface CryptoCall {
  'id'?: (number | string | Long);
  'timeoutMs'?: (number);
  'sign'?: (_hsmlab_hsm_v1_SignRequest | null);
  'verify'?: (_hsmlab_hsm_v1_VerifyRequest | null);
  'encrypt'?: (_hsmlab_hsm_v1_EncryptRequest | null);
  'decrypt'?: (_hsmlab_hsm_v1_DecryptRequest | null);
  'digest'?: (_hsmlab_hsm_v1_DigestRequest | null);
  'random'?: (_hsmlab_hsm_v1_GenerateRandomRequest | null);
  'op'?: "sign"|"verify"|"encrypt"|"decrypt"|"digest"|"random";
}

export interface CryptoCall__Output {
  'id': (number);
  'timeoutMs': (number);
  'sign'?: (_hsmlab_hsm_v1_SignRequest__Output | null);
  'verify'?: (_hsmlab_hsm_v1_VerifyRequest__Output | null);
  'encrypt'?: (_hsmlab_hsm_v1_EncryptRequest__Output | null);
  'decrypt'?: (_hsmlab_hsm_v1_DecryptRequest__Output | null);
  'digest'?: (_hsmlab_hsm_v1_DigestRequest__Output | null);
  'random'?: (_hsmlab_hsm_v1_GenerateRandomRequest__Output | null);
  'op'?: "sign"|"verify"|"encrypt"|"decrypt"|"digest"|"random";
}
