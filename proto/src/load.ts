import { join } from 'node:path';
import { loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { ProtoGrpcType as HsmGrpc } from './generated/hsm';
import type { ProtoGrpcType as ApplianceGrpc } from './generated/appliance';
import type { ProtoGrpcType as OrchestratorGrpc } from './generated/orchestrator';
import { LOADER_OPTIONS } from './loader-options';

/** PROTO_DIR is the folder that holds the .proto files. */
export const PROTO_DIR = join(__dirname, '..');

function load<T>(file: string): T {
  const definition = loadSync(join(PROTO_DIR, file), {
    ...LOADER_OPTIONS,
    includeDirs: [PROTO_DIR],
  });
  return loadPackageDefinition(definition) as unknown as T;
}

let hsm: HsmGrpc | undefined;
let appliance: ApplianceGrpc | undefined;
let orchestrator: OrchestratorGrpc | undefined;

/** loadHsmProto loads hsm.proto once per process. */
export function loadHsmProto(): HsmGrpc {
  hsm ??= load<HsmGrpc>('hsm.proto');
  return hsm;
}

/** loadApplianceProto loads appliance.proto once per process. */
export function loadApplianceProto(): ApplianceGrpc {
  appliance ??= load<ApplianceGrpc>('appliance.proto');
  return appliance;
}

/** loadOrchestratorProto loads orchestrator.proto once per process. */
export function loadOrchestratorProto(): OrchestratorGrpc {
  orchestrator ??= load<OrchestratorGrpc>('orchestrator.proto');
  return orchestrator;
}
