// @hsmlab/compose: the programs of the compose lab (certs, init, example-client,
// under src/bin) and the pieces the compose and testcontainers suites and this
// package's tests reuse.
export { ensureLabPki, type LabPkiOptions } from './pki/lab-pki';
export { pkiLayout, type PkiLayout } from './pki/pki-layout';
export { leafProblem, type LeafRequirements } from './pki/leaf-check';
export { parseFileOwner, type FileOwner } from './pki/file-owner';
export { ControlClient, type Cluster, type Hsm } from './cluster/control-client';
export { parseHsmSpec, type HsmSpec } from './cluster/hsm-spec';
export {
  loadOrCreateCredentials,
  type CredentialsFile,
  type LabUser,
} from './cluster/credentials-file';
export { clientTransport, type ClientTransport } from './client-transport';
export { EnvReader } from './env-reader';
export { formatSecond, formatEvent, type SecondReport } from './example/report-line';
