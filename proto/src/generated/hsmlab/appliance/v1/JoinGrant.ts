// Original file: proto/appliance.proto


export interface JoinGrant {
  'grantingNodeId'?: (string);
  'joiningNodeId'?: (string);
  'clusterId'?: (string);
  'domainId'?: (string);
  'ecdhPublicKey'?: (Buffer | Uint8Array | string);
  'wrappedMaskingKey'?: (Buffer | Uint8Array | string);
  'grantingChainPem'?: (string);
  'signature'?: (Buffer | Uint8Array | string);
}

export interface JoinGrant__Output {
  'grantingNodeId': (string);
  'joiningNodeId': (string);
  'clusterId': (string);
  'domainId': (string);
  'ecdhPublicKey': (Buffer);
  'wrappedMaskingKey': (Buffer);
  'grantingChainPem': (string);
  'signature': (Buffer);
}
