import type { Options } from '@grpc/proto-loader';

/**
 * LOADER_OPTIONS is how every hsmlab process turns protobuf messages into
 * JavaScript objects. scripts/gen.mjs passes the same options to the type
 * generator, so the generated types describe exactly these objects.
 */
export const LOADER_OPTIONS: Options = {
  keepCase: false,
  longs: Number,
  enums: String,
  bytes: Buffer,
  defaults: true,
  oneofs: true,
};
