export { LOADER_OPTIONS } from './loader-options';
export { PROTO_DIR, loadHsmProto, loadApplianceProto, loadOrchestratorProto } from './load';
export * as hsmV1 from './generated/hsmlab/hsm/v1';
export * as applianceV1 from './generated/hsmlab/appliance/v1';
export * as orchestratorV1 from './generated/hsmlab/orchestrator/v1';
export type { HsmClient } from './generated/hsmlab/hsm/v1/Hsm';
export type { HsmHandlers } from './generated/hsmlab/hsm/v1/Hsm';
export type { ApplianceClient, ApplianceHandlers } from './generated/hsmlab/appliance/v1/Appliance';
export type {
  OrchestratorClient,
  OrchestratorHandlers,
} from './generated/hsmlab/orchestrator/v1/Orchestrator';
export { METADATA } from './metadata';
export { MESSAGE_LIMITS } from './limits';
export {
  BOOLEAN_KEY_ATTRIBUTES,
  KEY_USE_ATTRIBUTES,
  type BooleanKeyAttribute,
  type KeyUseAttribute,
} from './key-attributes';
