// Original file: proto/appliance.proto


export interface ListDigestsRequest {
  'afterHandle'?: (string);
  'pageSize'?: (number);
}

export interface ListDigestsRequest__Output {
  'afterHandle': (string);
  'pageSize': (number);
}
