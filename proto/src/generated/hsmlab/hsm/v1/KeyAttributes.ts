// Original file: proto/hsm.proto


export interface KeyAttributes {
  'label'?: (string);
  'id'?: (Buffer | Uint8Array | string);
  'token'?: (boolean);
  'extractable'?: (boolean);
  'sensitive'?: (boolean);
  'sign'?: (boolean);
  'verify'?: (boolean);
  'encrypt'?: (boolean);
  'decrypt'?: (boolean);
  'wrap'?: (boolean);
  'unwrap'?: (boolean);
  'derive'?: (boolean);
  'trusted'?: (boolean);
  'wrapWithTrusted'?: (boolean);
  '_label'?: "label";
  '_id'?: "id";
  '_token'?: "token";
  '_extractable'?: "extractable";
  '_sensitive'?: "sensitive";
  '_sign'?: "sign";
  '_verify'?: "verify";
  '_encrypt'?: "encrypt";
  '_decrypt'?: "decrypt";
  '_wrap'?: "wrap";
  '_unwrap'?: "unwrap";
  '_derive'?: "derive";
  '_trusted'?: "trusted";
  '_wrapWithTrusted'?: "wrapWithTrusted";
}

export interface KeyAttributes__Output {
  'label'?: (string);
  'id'?: (Buffer);
  'token'?: (boolean);
  'extractable'?: (boolean);
  'sensitive'?: (boolean);
  'sign'?: (boolean);
  'verify'?: (boolean);
  'encrypt'?: (boolean);
  'decrypt'?: (boolean);
  'wrap'?: (boolean);
  'unwrap'?: (boolean);
  'derive'?: (boolean);
  'trusted'?: (boolean);
  'wrapWithTrusted'?: (boolean);
  '_label'?: "label";
  '_id'?: "id";
  '_token'?: "token";
  '_extractable'?: "extractable";
  '_sensitive'?: "sensitive";
  '_sign'?: "sign";
  '_verify'?: "verify";
  '_encrypt'?: "encrypt";
  '_decrypt'?: "decrypt";
  '_wrap'?: "wrap";
  '_unwrap'?: "unwrap";
  '_derive'?: "derive";
  '_trusted'?: "trusted";
  '_wrapWithTrusted'?: "wrapWithTrusted";
}
