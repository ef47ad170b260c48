import { Option, type Command } from 'commander';
import { DEFAULT_LAB_DIR } from './lab-files';

/**
 * GlobalOptions are the options every command takes: where the cluster is,
 * who to log in as, how to secure the links, and how to print.
 */
export interface GlobalOptions {
  /** Comma-separated node addresses. */
  nodes?: string;
  /** Orchestrator address. */
  orchestrator?: string;
  clusterId?: string;
  user?: string;
  password?: string;
  /** PEM file of the CA that signed the servers' certificates. */
  ca?: string;
  /** PEM files of a client certificate and key, for mutual TLS. */
  cert?: string;
  key?: string;
  /** Name to check server certificates against instead of each address's host. */
  serverName?: string;
  insecure?: boolean;
  json?: boolean;
  labDir?: string;
  /** Overall deadline of one call, in milliseconds (text until parsed). */
  deadlineMs?: string;
}

type GlobalName = keyof GlobalOptions;

/** globalOptionList builds fresh Option objects for one command (commander keeps state in them). */
function globalOptionList(): Array<[GlobalName, Option]> {
  return [
    ['nodes', new Option('--nodes <host:port,...>', 'HSM node addresses').env('HSMLAB_NODES')],
    [
      'orchestrator',
      new Option('--orchestrator <host:port>', 'orchestrator address').env('HSMLAB_ORCHESTRATOR'),
    ],
    [
      'clusterId',
      new Option(
        '--cluster-id <id>',
        "cluster to act on (default: the lab's, or the only one)",
      ).env('HSMLAB_CLUSTER_ID'),
    ],
    ['user', new Option('--user <name>', 'user to log in as').env('HSMLAB_USER')],
    ['password', new Option('--password <password>', 'its password').env('HSMLAB_PASSWORD')],
    [
      'ca',
      new Option('--ca <file>', 'CA certificate (PEM) that signed the servers').env('HSMLAB_CA'),
    ],
    [
      'cert',
      new Option('--cert <file>', 'client certificate (PEM), for mutual TLS').env('HSMLAB_CERT'),
    ],
    [
      'key',
      new Option('--key <file>', 'client private key (PEM), for mutual TLS').env('HSMLAB_KEY'),
    ],
    [
      'serverName',
      new Option('--server-name <name>', 'name the server certificates are checked against').env(
        'HSMLAB_SERVER_NAME',
      ),
    ],
    [
      'insecure',
      new Option('--insecure', 'plaintext gRPC (only when asked for)').env('HSMLAB_INSECURE'),
    ],
    ['json', new Option('--json', 'print JSON for scripts instead of tables')],
    [
      'labDir',
      new Option('--lab-dir <dir>', `lab directory (default ${DEFAULT_LAB_DIR})`).env(
        'HSMLAB_LAB_DIR',
      ),
    ],
    [
      'deadlineMs',
      new Option('--deadline-ms <ms>', 'overall deadline of one call (default 30000)').env(
        'HSMLAB_DEADLINE_MS',
      ),
    ],
  ];
}

/** LOCAL_OVERRIDES records, per command, the global names it uses for its own option. */
const LOCAL_OVERRIDES = new WeakMap<Command, ReadonlySet<GlobalName>>();

/** addGlobalOptions puts the global options on the root program, visible in its help. */
export function addGlobalOptions(program: Command): void {
  for (const [, option] of globalOptionList()) program.addOption(option);
}

/**
 * acceptGlobalOptions lets a leaf command take the global options after its
 * name too (`hsmlab key list --json`), hidden from its help (the root help
 * lists them). `except` names options the command uses for its own purpose,
 * such as `--password` for the new password in `user create`; those global
 * values can then only be given before the command name or by environment.
 */
export function acceptGlobalOptions(command: Command, except: readonly GlobalName[] = []): Command {
  for (const [name, option] of globalOptionList()) {
    if (except.includes(name)) continue;
    command.addOption(option.hideHelp());
  }
  LOCAL_OVERRIDES.set(command, new Set(except));
  return command;
}

/**
 * globalOptionsOf merges the global options given to the root program with
 * those given after the leaf command's name. A value from the command line
 * beats one from the environment; between two of the same kind, the leaf's
 * (the later one) wins.
 */
export function globalOptionsOf(command: Command): GlobalOptions {
  const chain: Command[] = [];
  for (let c: Command | null = command; c !== null; c = c.parent) chain.unshift(c);
  const merged: Record<string, unknown> = {};
  const fromCli = new Set<string>();
  const names = new Set(globalOptionList().map(([name]) => name));
  for (const c of chain) {
    const overrides = LOCAL_OVERRIDES.get(c) ?? new Set<GlobalName>();
    const values = c.opts() as Record<string, unknown>;
    for (const name of names) {
      if (overrides.has(name) || values[name] === undefined) continue;
      const cli = c.getOptionValueSource(name) === 'cli';
      if (!cli && fromCli.has(name)) continue;
      if (cli) fromCli.add(name);
      merged[name] = values[name];
    }
  }
  const insecure = merged.insecure;
  if (typeof insecure === 'string') merged.insecure = insecure !== '' && insecure !== '0';
  return merged as GlobalOptions;
}
