// Original file: proto/appliance.proto


export interface ExportMaskedRequest {
  'handles'?: (string)[];
}

export interface ExportMaskedRequest__Output {
  'handles': (string)[];
}
