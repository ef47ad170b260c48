// Original file: proto/hsm.proto

import type { SignResponse as _hsmlab_hsm_v1_SignResponse, SignResponse__Output as _hsmlab_hsm_v1_SignResponse__Output } from '../../../hsmlab/hsm/v1/SignResponse';
import type { VerifyResponse as _hsmlab_hsm_v1_VerifyResponse, VerifyResponse__Output as _hsmlab_hsm_v1_VerifyResponse__Output } from '../../../hsmlab/hsm/v1/VerifyResponse';
import type { EncryptResponse as _hsmlab_hsm_v1_EncryptResponse, EncryptResponse__Output as _hsmlab_hsm_v1_EncryptResponse__Output } from '../../../hsmlab/hsm/v1/EncryptResponse';
import type { DecryptResponse as _hsmlab_hsm_v1_DecryptResponse, DecryptResponse__Output as _hsmlab_hsm_v1_DecryptResponse__Output } from '../../../hsmlab/hsm/v1/DecryptResponse';
import type { DigestResponse as _hsmlab_hsm_v1_DigestResponse, DigestResponse__Output as _hsmlab_hsm_v1_DigestResponse__Output } from '../../../hsmlab/hsm/v1/DigestResponse';
import type { GenerateRandomResponse as _hsmlab_hsm_v1_GenerateRandomResponse, GenerateRandomResponse__Output as _hsmlab_hsm_v1_GenerateRandomResponse__Output } from '../../../hsmlab/hsm/v1/GenerateRandomResponse';
import type { Long } from '@grpc/proto-loader';

export interface CryptoResult {
  'id'?: (number | string | Long);
  'code'?: (number);
  'message'?: (string);
  'sign'?: (_hsmlab_hsm_v1_SignResponse | null);
  'verify'?: (_hsmlab_hsm_v1_VerifyResponse | null);
  'encrypt'?: (_hsmlab_hsm_v1_EncryptResponse | null);
  'decrypt'?: (_hsmlab_hsm_v1_DecryptResponse | null);
  'digest'?: (_hsmlab_hsm_v1_DigestResponse | null);
  'random'?: (_hsmlab_hsm_v1_GenerateRandomResponse | null);
  'result'?: "sign"|"verify"|"encrypt"|"decrypt"|"digest"|"random";
}

export interface CryptoResult__Output {
  'id': (number);
  'code': (number);
  'message': (string);
  'sign'?: (_hsmlab_hsm_v1_SignResponse__Output | null);
  'verify'?: (_hsmlab_hsm_v1_VerifyResponse__Output | null);
  'encrypt'?: (_hsmlab_hsm_v1_EncryptResponse__Output | null);
  'decrypt'?: (_hsmlab_hsm_v1_DecryptResponse__Output | null);
  'digest'?: (_hsmlab_hsm_v1_DigestResponse__Output | null);
  'random'?: (_hsmlab_hsm_v1_GenerateRandomResponse__Output | null);
  'result'?: "sign"|"verify"|"encrypt"|"decrypt"|"digest"|"random";
}
