import type { ObjectKind } from '../model/objects';

/** ObjectTypeName is the wire name of an object's kind (hsm.v1.ObjectType). */
export type ObjectTypeName = 'OBJECT_TYPE_KEY' | 'OBJECT_TYPE_USER' | 'OBJECT_TYPE_POLICY';

const TYPE_OF_KIND: Readonly<Record<ObjectKind, ObjectTypeName>> = {
  key: 'OBJECT_TYPE_KEY',
  user: 'OBJECT_TYPE_USER',
  policy: 'OBJECT_TYPE_POLICY',
};

const KIND_OF_TYPE: ReadonlyMap<string, ObjectKind> = new Map(
  (Object.keys(TYPE_OF_KIND) as ObjectKind[]).map((kind) => [TYPE_OF_KIND[kind], kind]),
);

/** objectTypeOfKind maps a model kind to its wire type. */
export function objectTypeOfKind(kind: ObjectKind): ObjectTypeName {
  return TYPE_OF_KIND[kind];
}

/**
 * kindOfObjectType maps a wire type back to a model kind, or undefined for
 * OBJECT_TYPE_UNSPECIFIED and anything unknown.
 */
export function kindOfObjectType(type: string): ObjectKind | undefined {
  return KIND_OF_TYPE.get(type);
}
