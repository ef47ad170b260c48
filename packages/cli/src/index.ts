// @hsmlab/cli: the `hsmlab` command line. The binary is dist/main.js; these
// exports let tests and tools run commands in-process and read lab files.
export { buildProgram, runCli, VERSION, type CliIo } from './program';
export { CliError, UsageError, EXIT_FAILURE, EXIT_USAGE } from './cli-errors';
export {
  DEFAULT_LAB_DIR,
  LAB_FILE,
  CREDENTIALS_FILE,
  readLabFile,
  readCredentialsFile,
  type LabFile,
  type LabHsm,
  type LabUser,
  type CredentialsFile,
} from './lab-files';
