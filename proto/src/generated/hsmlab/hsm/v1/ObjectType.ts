// Original file: proto/hsm.proto

export const ObjectType = {
  OBJECT_TYPE_UNSPECIFIED: 'OBJECT_TYPE_UNSPECIFIED',
  OBJECT_TYPE_KEY: 'OBJECT_TYPE_KEY',
  OBJECT_TYPE_USER: 'OBJECT_TYPE_USER',
  OBJECT_TYPE_POLICY: 'OBJECT_TYPE_POLICY',
} as const;

export type ObjectType =
  | 'OBJECT_TYPE_UNSPECIFIED'
  | 0
  | 'OBJECT_TYPE_KEY'
  | 1
  | 'OBJECT_TYPE_USER'
  | 2
  | 'OBJECT_TYPE_POLICY'
  | 3

export type ObjectType__Output = typeof ObjectType[keyof typeof ObjectType]
