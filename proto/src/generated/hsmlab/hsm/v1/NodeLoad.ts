// Original file: proto/hsm.proto


export interface NodeLoad {
  'inFlight'?: (number);
  'capacity'?: (number | string);
}

export interface NodeLoad__Output {
  'inFlight': (number);
  'capacity': (number);
}
