import { sleep, type LinkFaults, type StorageFaultKind } from '@hsmlab/chaos';
import type { CommandContext } from '../command-context';
import type { Column, Output } from '../output';
import type { ProxySelector } from '../chaos/proxy-host-protocol';
import {
  damageContainerJournal,
  jumpContainerClock,
  killContainer,
  pauseContainer,
  restartContainer,
  startContainer,
  unpauseContainer,
} from './compose-faults';
import { composeTarget, type ComposeTarget } from './compose-options';
import type { ProjectName } from './compose-project-name';
import { requireRunning, type ComposeContainer } from './compose-target';
import type { ComposeProxyView } from './netns-proxies';

/**
 * The `hsmlab chaos ... --compose` commands: the same faults as on the
 * process-mode lab, on the containers of a compose project. HSM ids are the
 * compose service names (hsm-a, hsm-b, hsm-a2...).
 */

const PROXY_COLUMNS: readonly Column<ComposeProxyView>[] = [
  { header: 'HSM', value: (p) => p.hsmId },
  { header: 'AZ', value: (p) => p.az },
  { header: 'CONTAINER', value: (p) => p.container },
  { header: 'STATE', value: (p) => p.nodeStatus },
  { header: 'PROXY', value: (p) => p.address },
  { header: 'FAULTS', value: (p) => p.description },
  { header: 'OPEN', value: (p) => p.stats.open },
];

function printProxies(output: Output, proxies: ComposeProxyView[]): void {
  output.result({ proxies }, () => output.table(proxies, PROXY_COLUMNS));
}

/**
 * afterStart follows up on an HSM container these commands started again:
 * when it had a fault proxy, the proxy and its faults move to its new netns.
 */
async function afterStart(
  target: ComposeTarget,
  context: CommandContext,
  container: ComposeContainer,
): Promise<void> {
  if (await target.network.reattach(container)) {
    context.output.line(
      `moved ${container.service}'s fault proxy (and its faults) to the new container netns`,
    );
  }
}

export async function composeKill(
  context: CommandContext,
  name: ProjectName,
  hsmId: string,
  downMs: number | undefined,
): Promise<void> {
  const target = await composeTarget(context, name);
  const hsm = target.project.hsm(hsmId);
  await killOne(context, target, hsm, hsm.service, downMs);
}

export async function composeKillOrchestrator(
  context: CommandContext,
  name: ProjectName,
  downMs: number | undefined,
): Promise<void> {
  const target = await composeTarget(context, name);
  await killOne(context, target, target.project.orchestrator(), 'the orchestrator', downMs);
}

async function killOne(
  context: CommandContext,
  target: ComposeTarget,
  container: ComposeContainer,
  what: string,
  downMs: number | undefined,
): Promise<void> {
  const pid = requireRunning(container, what);
  await killContainer(container);
  context.output.line(`killed ${what} (container ${container.name}, pid ${pid}, SIGKILL)`);
  let restartedPid: number | undefined;
  if (downMs !== undefined) {
    await sleep(downMs);
    const restarted = await startContainer(container);
    restartedPid = restarted.pid;
    context.output.line(`restarted ${what} after ${downMs} ms (pid ${restartedPid})`);
    if (restarted.role === 'hsm') await afterStart(target, context, restarted);
  }
  context.output.result(
    {
      killed: container.service,
      project: target.project.name,
      container: container.name,
      pid,
      restartedPid: restartedPid ?? null,
    },
    () => {},
  );
}

export async function composePause(
  context: CommandContext,
  name: ProjectName,
  hsmId: string,
  pausedMs: number | undefined,
): Promise<void> {
  const target = await composeTarget(context, name);
  const hsm = target.project.hsm(hsmId);
  requireRunning(hsm);
  await pauseContainer(hsm);
  if (pausedMs === undefined) {
    context.output.line(
      `paused ${hsm.service} (container ${hsm.name}); "hsmlab chaos resume --compose ${hsm.service}" resumes it`,
    );
  } else {
    context.output.line(`pausing ${hsm.service} (container ${hsm.name}) for ${pausedMs} ms`);
    try {
      await sleep(pausedMs);
    } finally {
      await unpauseContainer(hsm);
    }
    context.output.line(`resumed ${hsm.service}`);
  }
  context.output.result(
    {
      paused: hsm.service,
      project: target.project.name,
      container: hsm.name,
      resumedAfterMs: pausedMs ?? null,
    },
    () => {},
  );
}

export async function composeResume(
  context: CommandContext,
  name: ProjectName,
  hsmId: string,
): Promise<void> {
  const target = await composeTarget(context, name);
  const hsm = target.project.hsm(hsmId);
  await unpauseContainer(hsm);
  context.output.result(
    { resumed: hsm.service, project: target.project.name, container: hsm.name },
    () => context.output.line(`resumed ${hsm.service} (container ${hsm.name})`),
  );
}

export async function composeRestart(
  context: CommandContext,
  name: ProjectName,
  hsmId: string,
): Promise<void> {
  const target = await composeTarget(context, name);
  const restarted = await restartContainer(target.project.hsm(hsmId));
  context.output.line(
    `restarted ${restarted.service} (container ${restarted.name}, pid ${restarted.pid})`,
  );
  await afterStart(target, context, restarted);
  context.output.result(
    {
      restarted: restarted.service,
      project: target.project.name,
      container: restarted.name,
      pid: restarted.pid,
    },
    () => {},
  );
}

export async function composeClock(
  context: CommandContext,
  name: ProjectName,
  hsmId: string,
  offsetMs: number,
): Promise<void> {
  const target = await composeTarget(context, name);
  const hsm = target.project.hsm(hsmId);
  requireRunning(hsm);
  await jumpContainerClock(hsm, offsetMs);
  context.output.result(
    {
      hsmId: hsm.service,
      clockOffsetMs: offsetMs,
      project: target.project.name,
      container: hsm.name,
    },
    () =>
      context.output.line(
        `${hsm.service}'s clock now reads the wall clock ${offsetMs >= 0 ? '+' : ''}${offsetMs} ms`,
      ),
  );
}

export async function composeStorage(
  context: CommandContext,
  name: ProjectName,
  hsmId: string,
  kind: StorageFaultKind,
): Promise<void> {
  const target = await composeTarget(context, name);
  const hsm = target.project.hsm(hsmId);
  const { report, restarted } = await damageContainerJournal(hsm, kind);
  await afterStart(target, context, restarted);
  context.output.result(
    {
      hsmId: hsm.service,
      project: target.project.name,
      container: hsm.name,
      pid: restarted.pid,
      ...report,
    },
    () => {
      context.output.line(`${hsm.service}: ${report.detail}`);
      context.output.line(
        `restarted ${hsm.service} (container ${hsm.name}); the cluster's resync repairs it`,
      );
    },
  );
}

export async function composeSetFaults(
  context: CommandContext,
  name: ProjectName,
  selector: ProxySelector,
  faults: LinkFaults,
  verb: string,
): Promise<void> {
  const target = await composeTarget(context, name);
  const hsms = target.project.select(selector);
  const affected = await target.network.setFaults(hsms, faults);
  context.output.line(`${verb} ${affected.map((p) => p.hsmId).join(', ')}`);
  printProxies(context.output, affected);
}

export async function composeHeal(
  context: CommandContext,
  name: ProjectName,
  selector: ProxySelector,
): Promise<void> {
  const target = await composeTarget(context, name);
  const affected = await target.network.heal(target.project.select(selector));
  context.output.line(
    affected.length === 0
      ? 'no fault proxy attached there: nothing to heal'
      : `healed ${affected.map((p) => p.hsmId).join(', ')}`,
  );
  printProxies(context.output, affected);
}

export async function composeProxies(context: CommandContext, name: ProjectName): Promise<void> {
  const target = await composeTarget(context, name);
  printProxies(context.output, await target.network.list());
}

export async function composeDetach(
  context: CommandContext,
  name: ProjectName,
  selector: ProxySelector,
): Promise<void> {
  const target = await composeTarget(context, name);
  const detached = await target.network.detach(target.project.select(selector));
  context.output.result({ detached, project: target.project.name }, () =>
    context.output.line(
      detached.length === 0
        ? 'no fault proxy attached: nothing to detach'
        : `detached ${detached.join(', ')}: their connections go straight to the nodes again`,
    ),
  );
}
