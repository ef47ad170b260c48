import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext } from './context';
import { Lab } from './lab';
import { OrchestratorLab } from './orchestrator-lab';
import { ORCHESTRATOR_MAIN, REPO_ROOT } from './paths';
import { ms, num, spreadText, table, type SectionReport } from './report';
import { spread, type Spread } from './stats';
import { sleepMs } from './timing';

/** JOIN_BENCH is the orchestrator team's own join and resync benchmark, run as it is. */
const JOIN_BENCH = join(REPO_ROOT, 'services', 'orchestrator', 'bench', 'join-resync.mjs');
const JOIN_BENCH_TIMEOUT_MS = 300_000;
/** BACKUP_KEYS is the size of the cluster backed up and restored. */
const BACKUP_KEYS = 1000;
const IDLE_SETTLE_MS = 2000;

/** orchestratorProblem says why the orchestrator cannot be measured, or undefined when it can. */
function orchestratorProblem(): string | undefined {
  if (!existsSync(ORCHESTRATOR_MAIN)) return 'orchestrator not built';
  const help = spawnSync(process.execPath, [ORCHESTRATOR_MAIN, '--help'], { timeout: 10_000 });
  return help.status === 0
    ? undefined
    : `orchestrator --help failed (${help.status ?? help.signal})`;
}

function runJoinBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'hsmlab-bench-join-'));
  const out = join(dir, 'results.json');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [JOIN_BENCH, '--json', out],
      { timeout: JOIN_BENCH_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (err, _stdout, stderr) => {
        try {
          if (err) reject(new Error(`${err.message}\n${stderr.slice(-2000)}`));
          else resolve(JSON.parse(readFileSync(out, 'utf8')) as Record<string, number>);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  });
}

/**
 * runClusterSection times cluster operations: start-up of a 3-node set of
 * processes and its idle memory, backup and restore through the
 * orchestrator, and the orchestrator's join and resync benchmark.
 */
export async function runClusterSection(ctx: BenchContext): Promise<SectionReport> {
  const rows: string[][] = [];
  const notes: string[] = [];
  const row = (what: string, s: Spread | string, unit: string, how: string) =>
    rows.push([what, typeof s === 'string' ? s : spreadText(s, ms), unit, how]);

  // Start-up and idle memory of a 3-node set.
  const processes: number[] = [];
  const form: number[] = [];
  const users: number[] = [];
  const rss: number[] = [];
  for (let run = 1; run <= ctx.args.runs; run++) {
    ctx.progress(`cluster: start-up of 3 nodes, run ${run}/${ctx.args.runs}`);
    const lab = await Lab.start(
      ['a', 'b', 'c'].map((az) => ({ nodeId: `boot-${az}`, az })),
      ctx.nodeExecArgv,
    );
    try {
      processes.push(lab.timings.processesMs);
      form.push(lab.timings.formMs);
      users.push(lab.timings.usersMs);
      await sleepMs(IDLE_SETTLE_MS);
      rss.push(...lab.nodes.map((node) => node.rssBytes() / 2 ** 20));
    } finally {
      await lab.stop();
    }
  }
  row('start 3 node processes (to "listening")', spread(processes), 'ms', 'spawned in parallel');
  row(
    'form the cluster (initialise + 2 attested joins)',
    spread(form),
    'ms',
    'sync plane, no orchestrator',
  );
  row('activate officer + create a user (SDK)', spread(users), 'ms', 'replicated to all 3');
  row(
    '3-node set ready, total',
    spread(processes.map((p, i) => p + form[i]! + users[i]!)),
    'ms',
    'sum of the three',
  );
  rows.push([
    'idle memory per node (RSS)',
    spreadText(spread(rss), (v) => num(v, 1)),
    'MiB',
    `${IDLE_SETTLE_MS / 1000} s after start, min–max over ${rss.length} nodes`,
  ]);

  const problem = orchestratorProblem();
  if (problem !== undefined) {
    const not = `not measured: orchestrator not ready (${problem})`;
    for (const what of [
      'join, 1,000 keys',
      'join, 10,000 keys',
      'resync, 1,000 differing objects',
      'backup',
      'restore',
    ]) {
      rows.push([what, not, '', '']);
    }
  } else {
    // Backup and restore through the orchestrator.
    ctx.progress(`cluster: orchestrator lab with ${BACKUP_KEYS} keys`);
    const orch = await OrchestratorLab.start();
    const backups: number[] = [];
    const restores: number[] = [];
    let objects = NaN;
    try {
      await orch.makeKeys(BACKUP_KEYS);
      await orch.waitInSync();
      for (let run = 1; run <= ctx.args.runs; run++) {
        ctx.progress(`cluster: backup and restore, run ${run}/${ctx.args.runs}`);
        const t0 = performance.now();
        const backup = await orch.call<{ backupId: string; objectCount: number }>('CreateBackup', {
          clusterId: orch.clusterId,
        });
        const t1 = performance.now();
        await orch.call('ApplyBackup', { backupId: backup.backupId, clusterId: orch.clusterId });
        const t2 = performance.now();
        objects = backup.objectCount;
        backups.push(t1 - t0);
        restores.push(t2 - t1);
      }
    } catch (err) {
      notes.push(`Backup/restore failed: ${(err as Error).message}`);
    } finally {
      await orch.stop();
    }
    row(
      `backup (${num(objects)} objects, on demand)`,
      spread(backups),
      'ms',
      'CreateBackup through the orchestrator',
    );
    row(
      `restore of that backup into the cluster`,
      spread(restores),
      'ms',
      'ApplyBackup (one HSM, all-or-nothing)',
    );

    // Join and resync: the orchestrator's own benchmark, which makes 11,000 keys (about a minute).
    const joinRuns = ctx.args.quick ? 0 : Math.min(ctx.args.runs, 2);
    const joins: Record<string, number>[] = [];
    for (let run = 1; run <= joinRuns; run++) {
      ctx.progress(`cluster: join and resync benchmark, run ${run}/${joinRuns}`);
      try {
        joins.push(await runJoinBench());
      } catch (err) {
        notes.push(`join-resync.mjs failed: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    const pick = (key: string) => spread(joins.map((j) => j[key] ?? NaN));
    if (joins.length === 0) {
      const why = ctx.args.quick
        ? 'not measured in --quick (about 75 s a run)'
        : 'not measured: the benchmark failed';
      for (const what of [
        'join, 1,000 keys',
        'join, 10,000 keys',
        'resync, 1,000 differing objects',
      ]) {
        rows.push([what, why, '', '']);
      }
    } else {
      const how = `services/orchestrator/bench/join-resync.mjs, ${joins.length} run(s)`;
      row(
        'join of a new HSM, 1,000 keys in the cluster',
        pick('join with 1000 keys (ms)'),
        'ms',
        `AddHsm to ACTIVE; ${how}`,
      );
      row(
        'join of a new HSM, 10,000 keys in the cluster',
        pick('join with 10000 keys (ms)'),
        'ms',
        `AddHsm to ACTIVE (goal < 10 s); ${how}`,
      );
      row(
        'resync, 1,000 differing objects (restart to identical roots)',
        pick('resync of 1,000 differing objects, restart to identical roots (ms)'),
        'ms',
        how,
      );
      row(
        "resync round that copied them (orchestrator's own timing)",
        pick('resync round that copied them, as the orchestrator measured it (ms)'),
        'ms',
        how,
      );
    }
  }

  return {
    title: 'Cluster operations',
    lines: [
      'Median (min–max) over runs. Nodes and orchestrator are real processes on loopback, plaintext gRPC. ' +
        "The join benchmark's own processes count as other processes in the machine line below.",
      '',
      ...table(['operation', 'time', 'unit', 'how'], rows),
      '',
      ...notes.map((n) => `- ${n}`),
    ],
    charts: [],
  };
}
