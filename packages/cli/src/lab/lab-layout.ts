import { join, resolve } from 'node:path';
import { CREDENTIALS_FILE, LAB_FILE } from '../lab-files';

/** ORCHESTRATOR_NAME is the orchestrator's process name in pid and log file names. */
export const ORCHESTRATOR_NAME = 'orchestrator';

/**
 * LabLayout names every file of a process-mode lab under its directory:
 *
 *   lab.json, credentials.json     what clients read (see lab-files.ts)
 *   secrets/appliance.pw           the appliance user's password (0600)
 *   manufacturer-ca/               emulated manufacturer CA; its key (0600) is
 *                                  handed to HSM node processes only
 *   tls/                           lab CA and one certificate per process
 *   orchestrator/                  the orchestrator's data directory
 *   hsms/<hsm-id>/                 each HSM node's data directory
 *   run/<name>.pid, logs/<name>.log
 */
export class LabLayout {
  /** dir is absolute, so processes started from here find their files wherever they run. */
  readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  get labFile(): string {
    return join(this.dir, LAB_FILE);
  }

  get credentialsFile(): string {
    return join(this.dir, CREDENTIALS_FILE);
  }

  get appliancePasswordFile(): string {
    return join(this.dir, 'secrets', 'appliance.pw');
  }

  get manufacturerCaDir(): string {
    return join(this.dir, 'manufacturer-ca');
  }

  get tlsDir(): string {
    return join(this.dir, 'tls');
  }

  /** tlsCaCertPath is relative to the lab directory, as lab.json records it. */
  get tlsCaCertPath(): string {
    return join('tls', 'ca.crt');
  }

  get tlsCaKeyFile(): string {
    return join(this.tlsDir, 'ca.key');
  }

  tlsCertFile(name: string): string {
    return join(this.tlsDir, `${name}.crt`);
  }

  tlsKeyFile(name: string): string {
    return join(this.tlsDir, `${name}.key`);
  }

  get orchestratorDataDir(): string {
    return join(this.dir, 'orchestrator');
  }

  get hsmsDir(): string {
    return join(this.dir, 'hsms');
  }

  hsmDataDir(hsmId: string): string {
    return join(this.hsmsDir, hsmId);
  }

  get runDir(): string {
    return join(this.dir, 'run');
  }

  pidFile(name: string): string {
    return join(this.runDir, `${name}.pid`);
  }

  get logsDir(): string {
    return join(this.dir, 'logs');
  }

  logFile(name: string): string {
    return join(this.logsDir, `${name}.log`);
  }
}
