import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import { cpuTicksUs } from './load-loop';
import { sleepMs } from './timing';

/** QUIET_IDLE_SHARE is the share of all cores that must be idle for the machine to count as quiet. */
const QUIET_IDLE_SHARE = 0.85;

function cpuTimes(): { idle: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal ...
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { idle, total: fields.reduce((a, b) => a + b, 0) };
}

/** idleCores measures how many cores' worth of CPU sat idle over `ms`. */
export async function idleCores(ms = 500): Promise<number> {
  const a = cpuTimes();
  await sleepMs(ms);
  const b = cpuTimes();
  const total = b.total - a.total;
  return total > 0 ? ((b.idle - a.idle) / total) * os.cpus().length : os.cpus().length;
}

/**
 * waitForQuiet waits (at most `maxWaitMs`) until other processes leave the
 * cores nearly idle, since this machine is shared with builds and tests.
 * It returns the idle cores last seen, so a report can say how quiet it was.
 */
export async function waitForQuiet(
  maxWaitMs: number,
  progress: (message: string) => void,
): Promise<number> {
  const cores = os.cpus().length;
  const until = performance.now() + maxWaitMs;
  let idle = await idleCores();
  let told = false;
  while (idle < QUIET_IDLE_SHARE * cores && performance.now() < until) {
    if (!told)
      progress(`machine busy (${idle.toFixed(1)} of ${cores} cores idle): waiting for quiet`);
    told = true;
    idle = await idleCores(1000);
  }
  return idle;
}

/** OWN_PIDS are the live node and orchestrator processes this suite started. */
export const OWN_PIDS = new Set<number>();
/** exitedOwnUs is the CPU time of own processes that have since ended, read just before they were stopped. */
let exitedOwnUs = 0;

/** forgetOwnPid records a child's CPU time before it is stopped, then stops tracking it. */
export function forgetOwnPid(pid: number): void {
  if (!OWN_PIDS.delete(pid)) return;
  exitedOwnUs += cpuTicksUs([pid]);
}

/**
 * OthersLoad measures how many cores' worth of CPU processes outside this
 * suite used while it ran: the machine's busy time minus this process's and
 * its nodes'. NB: a node that dies by itself (not stopped through
 * HsmProcess) loses its last ticks to "others". Figures taken while it is high are not this machine's best.
 */
export class OthersLoad {
  private readonly startBusyUs: number;
  private readonly startOwnUs: number;
  private readonly startMs = performance.now();

  constructor() {
    this.startBusyUs = busyUs();
    this.startOwnUs = ownUs();
  }

  /** cores is the average number of cores others kept busy since construction. */
  cores(): number {
    const elapsedUs = (performance.now() - this.startMs) * 1000;
    if (elapsedUs <= 0) return 0;
    const others = busyUs() - this.startBusyUs - (ownUs() - this.startOwnUs);
    return Math.max(0, others / elapsedUs);
  }
}

function busyUs(): number {
  const { idle, total } = cpuTimes();
  return ((total - idle) * 1_000_000) / 100;
}

function ownUs(): number {
  const self = process.cpuUsage();
  return self.user + self.system + exitedOwnUs + cpuTicksUs([...OWN_PIDS]);
}
