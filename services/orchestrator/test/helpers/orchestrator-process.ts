import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORCHESTRATOR_MAIN, ServiceProcess, tempDir } from '../../../../test/helpers/node-process';

export interface OrchestratorProcessOptions {
  appliancePassword: string;
  dataDir?: string;
  /** Extra flags, e.g. ['--backup-retention', '1d']. */
  extraArgs?: string[];
  /** TLS files instead of --insecure. */
  tls?: { caFile: string; certFile: string; keyFile: string };
}

/**
 * OrchestratorProcess runs services/orchestrator/dist/main.js as a real
 * process with fast loops (resync and health every 200 ms). A restart keeps
 * its data dir and its port. Heap snapshots (SIGUSR2) go to `<dataDir>/../heap`.
 */
export class OrchestratorProcess extends ServiceProcess {
  readonly dataDir: string;
  readonly heapDir: string;

  constructor(options: OrchestratorProcessOptions) {
    const dataDir = options.dataDir ?? tempDir('hsmlab-orchestrator-');
    const passwordFile = join(dataDir, '..', `${dataDir.split('/').pop()}-appliance.pw`);
    writeFileSync(passwordFile, options.appliancePassword, { mode: 0o600 });
    const heapDir = `${dataDir}-heap`;
    super({
      main: ORCHESTRATOR_MAIN,
      args: [
        '--data-dir',
        dataDir,
        '--appliance-password-file',
        passwordFile,
        '--listen',
        '127.0.0.1:0',
        ...(options.tls
          ? [
              '--tls-ca',
              options.tls.caFile,
              '--tls-cert',
              options.tls.certFile,
              '--tls-key',
              options.tls.keyFile,
            ]
          : ['--insecure']),
        '--resync-interval',
        '200ms',
        '--health-interval',
        '200ms',
        '--maintenance-interval',
        '500ms',
        '--heap-snapshot-dir',
        heapDir,
        ...(options.extraArgs ?? []),
      ],
      readyMessage: 'orchestrator listening',
    });
    this.dataDir = dataDir;
    this.heapDir = heapDir;
  }

  override async start(): Promise<string> {
    const address = await super.start();
    const i = this.options.args.indexOf('--listen');
    this.options.args[i + 1] = address;
    return address;
  }

  /** logRecords parses the JSON log lines seen so far. */
  logRecords(): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const line of this.lines) {
      try {
        out.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    }
    return out;
  }
}
