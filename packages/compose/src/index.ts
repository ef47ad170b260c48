// @hsmlab/compose: the programs of the compose lab (certs, init, example-client)
// and the pieces the compose and testcontainers suites reuse.
export { ensureLabPki, describePkiStep, type LabPkiOptions, type PkiStep } from './pki/lab-pki';
export { pkiLayout, PKI_FILE_NAMES, type PkiLayout } from './pki/pki-layout';
export { leafProblem, type LeafRequirements } from './pki/leaf-check';
export { parseFileOwner, type FileOwner } from './pki/file-owner';
export { ControlClient, type Cluster, type Hsm } from './cluster/control-client';
export { initCluster, type ClusterInitOptions } from './cluster/cluster-init';
export { parseHsmSpec, type HsmSpec } from './cluster/hsm-spec';
export {
  readCredentialsFile,
  loadOrCreateCredentials,
  OFFICER_USERNAME,
  type CredentialsFile,
  type LabUser,
} from './cluster/credentials-file';
export { clientTransport, describeTransport, type ClientTransport } from './client-transport';
export { EnvReader, EnvError } from './env-reader';
export { ConsoleLine } from './console-line';
export { formatSecond, formatEvent, type SecondReport } from './example/report-line';
export { SignTally } from './example/sign-tally';
