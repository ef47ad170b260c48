export { HsmNode } from './node';
export { loadNodeConfig, ConfigError, USAGE, type NodeConfig } from './config';
export { PROFILES, loadProfile, type CapacityProfile } from './service/capacity-profile';
export {
  createManufacturerCa,
  writeManufacturerCa,
  loadManufacturerCa,
  createLabCa,
  issueTlsCertificate,
  MANUFACTURER_CA_CERT_FILE,
  MANUFACTURER_CA_KEY_FILE,
} from './identity';
