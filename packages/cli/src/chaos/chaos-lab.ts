import { CliError, UsageError } from '../cli-errors';
import type { CommandContext } from '../command-context';
import { readLabFile, type LabFile, type LabHsm } from '../lab-files';
import { LabLayout } from '../lab/lab-layout';
import { processState, startProcess } from '../lab/lab-processes';
import { hsmSpec, orchestratorSpec } from '../lab/lab-specs';

/** ChaosLab is the process-mode lab a chaos command acts on. */
export interface ChaosLab {
  layout: LabLayout;
  lab: LabFile;
}

/** chaosLab reads the lab of --lab-dir; a usage error when there is none. */
export async function chaosLab(context: CommandContext): Promise<ChaosLab> {
  const layout = new LabLayout(context.labDir);
  const lab = await readLabFile(layout.dir);
  if (lab === undefined) {
    throw new UsageError(
      `no lab in ${layout.dir}: chaos commands act on a process-mode lab ("hsmlab lab up")`,
    );
  }
  return { layout, lab };
}

/** labHsm finds one of the lab's HSMs by id. */
export function labHsm(lab: LabFile, hsmId: string): LabHsm {
  const hsm = lab.hsms.find((h) => h.hsmId === hsmId);
  if (hsm === undefined) {
    const known = lab.hsms.map((h) => h.hsmId).join(', ') || 'none';
    throw new UsageError(`the lab has no HSM ${hsmId} (it has: ${known})`);
  }
  return hsm;
}

/** runningPid is the pid of a running lab process; it fails when the process is not running. */
export async function runningPid(layout: LabLayout, name: string): Promise<number> {
  const state = await processState(layout, name);
  if (state.state !== 'running') {
    throw new CliError(`${name} is not running (${state.state}); "hsmlab lab up" starts it`);
  }
  return state.pid;
}

/** startHsm starts an HSM node process the way `lab up` does: same address, same data. */
export async function startHsm(layout: LabLayout, lab: LabFile, hsm: LabHsm): Promise<number> {
  return (await startProcess(layout, await hsmSpec(layout, lab, hsm))).pid;
}

/** startOrchestrator starts the orchestrator the way `lab up` does. */
export async function startOrchestrator(layout: LabLayout, lab: LabFile): Promise<number> {
  return (await startProcess(layout, await orchestratorSpec(layout, lab))).pid;
}
