import type { Command } from 'commander';
import {
  injectStorageFault,
  type StorageFaultReport,
  jumpClock,
  killProcess,
  pauseFor,
  pauseProcess,
  resumeProcess,
  sleep,
} from '@hsmlab/chaos';
import { action, requireValue } from '../command-context';
import { acceptGlobalOptions } from '../global-options';
import { chaosLab, labHsm, runningPid, startHsm, startOrchestrator } from '../chaos/chaos-lab';
import { optionalDuration, signedDurationFlag } from '../chaos/chaos-durations';
import { storageFaultKind } from '../chaos/storage-fault-names';
import { ORCHESTRATOR_NAME } from '../lab/lab-layout';
import { stopProcess } from '../lab/lab-processes';
import { registerChaosNetworkCommands } from './chaos-network';
import {
  composeClock,
  composeKill,
  composeKillOrchestrator,
  composePause,
  composeRestart,
  composeResume,
  composeStorage,
} from '../compose-chaos/compose-commands';
import {
  composeProjectName,
  isCompose,
  withComposeOptions,
  type ComposeOptions,
} from '../compose-chaos/compose-options';

/**
 * registerChaosCommands adds `hsmlab chaos ...`: faults injected into a
 * process-mode lab. Process, clock and storage faults work on any lab;
 * network faults (see chaos-network.ts) need a lab started with
 * `--fault-proxies`. With `--compose` every command acts on the compose lab's
 * containers instead (see ../compose-chaos/).
 */
export function registerChaosCommands(program: Command): void {
  const chaos = program
    .command('chaos')
    .description(
      'inject faults into the process-mode lab (or, with --compose, the compose lab): crashes, pauses, partitions, latency, clocks, disks',
    );

  acceptGlobalOptions(
    withComposeOptions(
      chaos
        .command('kill')
        .description('kill an HSM node with SIGKILL ("lab status" shows it crashed)')
        .argument('<hsm-id>', 'the HSM, e.g. hsm-b1 (with --compose: its service, e.g. hsm-b)')
        .option('--restart-after <duration>', 'start it again after this long, e.g. 2s'),
    ),
  ).action(
    action<{ restartAfter?: string } & ComposeOptions>(async (context, [hsmId], options) => {
      const downMs = optionalDuration(options.restartAfter, '--restart-after');
      if (isCompose(options)) {
        return composeKill(context, composeProjectName(options), hsmId!, downMs);
      }
      const { layout, lab } = await chaosLab(context);
      const hsm = labHsm(lab, hsmId!);
      const pid = await runningPid(layout, hsm.hsmId);
      await killProcess(pid);
      context.output.line(`killed ${hsm.hsmId} (pid ${pid}, SIGKILL)`);
      let restartedPid: number | undefined;
      if (downMs !== undefined) {
        await sleep(downMs);
        restartedPid = await startHsm(layout, lab, hsm);
        context.output.line(`restarted ${hsm.hsmId} after ${downMs} ms (pid ${restartedPid})`);
      }
      context.output.result(
        { killed: hsm.hsmId, pid, restartedPid: restartedPid ?? null },
        () => {},
      );
    }),
  );

  acceptGlobalOptions(
    withComposeOptions(
      chaos
        .command('pause')
        .description(
          'freeze an HSM node with SIGSTOP (--compose: docker pause): it keeps its sockets and answers nothing',
        )
        .argument('<hsm-id>', 'the HSM')
        .option('--for <duration>', 'resume it (SIGCONT) after this long, e.g. 5s'),
    ),
  ).action(
    action<{ for?: string } & ComposeOptions>(async (context, [hsmId], options) => {
      const pausedMs = optionalDuration(options.for, '--for');
      if (isCompose(options)) {
        return composePause(context, composeProjectName(options), hsmId!, pausedMs);
      }
      const { layout, lab } = await chaosLab(context);
      const hsm = labHsm(lab, hsmId!);
      const pid = await runningPid(layout, hsm.hsmId);
      if (pausedMs === undefined) {
        pauseProcess(pid);
        context.output.line(
          `paused ${hsm.hsmId} (pid ${pid}); "hsmlab chaos resume ${hsm.hsmId}" resumes it`,
        );
      } else {
        context.output.line(`pausing ${hsm.hsmId} (pid ${pid}) for ${pausedMs} ms`);
        await pauseFor(pid, pausedMs);
        context.output.line(`resumed ${hsm.hsmId}`);
      }
      context.output.result({ paused: hsm.hsmId, pid, resumedAfterMs: pausedMs ?? null }, () => {});
    }),
  );

  acceptGlobalOptions(
    withComposeOptions(
      chaos
        .command('resume')
        .description('continue a paused HSM node (SIGCONT; --compose: docker unpause)')
        .argument('<hsm-id>', 'the HSM'),
    ),
  ).action(
    action<ComposeOptions>(async (context, [hsmId], options) => {
      if (isCompose(options)) return composeResume(context, composeProjectName(options), hsmId!);
      const { layout, lab } = await chaosLab(context);
      const hsm = labHsm(lab, hsmId!);
      const pid = await runningPid(layout, hsm.hsmId);
      resumeProcess(pid);
      context.output.result({ resumed: hsm.hsmId, pid }, () =>
        context.output.line(`resumed ${hsm.hsmId} (pid ${pid})`),
      );
    }),
  );

  acceptGlobalOptions(
    withComposeOptions(
      chaos
        .command('restart')
        .description(
          'stop an HSM node (SIGTERM) and start it again, or start it if it is down (--compose: docker stop, then start)',
        )
        .argument('<hsm-id>', 'the HSM'),
    ),
  ).action(
    action<ComposeOptions>(async (context, [hsmId], options) => {
      if (isCompose(options)) return composeRestart(context, composeProjectName(options), hsmId!);
      const { layout, lab } = await chaosLab(context);
      const hsm = labHsm(lab, hsmId!);
      await stopProcess(layout, hsm.hsmId);
      const pid = await startHsm(layout, lab, hsm);
      context.output.result({ restarted: hsm.hsmId, pid }, () =>
        context.output.line(`restarted ${hsm.hsmId} (pid ${pid})`),
      );
    }),
  );

  acceptGlobalOptions(
    withComposeOptions(
      chaos
        .command('kill-orchestrator')
        .description('kill the orchestrator with SIGKILL ("lab up" starts it again)')
        .option('--restart-after <duration>', 'start it again after this long, e.g. 5s'),
    ),
  ).action(
    action<{ restartAfter?: string } & ComposeOptions>(async (context, _args, options) => {
      const downMs = optionalDuration(options.restartAfter, '--restart-after');
      if (isCompose(options)) {
        return composeKillOrchestrator(context, composeProjectName(options), downMs);
      }
      const { layout, lab } = await chaosLab(context);
      const pid = await runningPid(layout, ORCHESTRATOR_NAME);
      await killProcess(pid);
      context.output.line(`killed the orchestrator (pid ${pid}, SIGKILL)`);
      let restartedPid: number | undefined;
      if (downMs !== undefined) {
        await sleep(downMs);
        restartedPid = await startOrchestrator(layout, lab);
        context.output.line(`restarted the orchestrator after ${downMs} ms (pid ${restartedPid})`);
      }
      context.output.result(
        { killed: ORCHESTRATOR_NAME, pid, restartedPid: restartedPid ?? null },
        () => {},
      );
    }),
  );

  acceptGlobalOptions(
    withComposeOptions(
      chaos
        .command('clock')
        .description("move one HSM node's clock (its injected clock; the machine's is untouched)")
        .argument('<hsm-id>', 'the HSM')
        .option('--offset <duration>', 'offset from the wall clock: 1h, -30m, 0 puts it back'),
    ),
  ).action(
    action<{ offset?: string } & ComposeOptions>(async (context, [hsmId], options) => {
      const offsetMs = signedDurationFlag(requireValue(options.offset, '--offset'), '--offset');
      if (isCompose(options)) {
        return composeClock(context, composeProjectName(options), hsmId!, offsetMs);
      }
      const { layout, lab } = await chaosLab(context);
      const hsm = labHsm(lab, hsmId!);
      const pid = await runningPid(layout, hsm.hsmId);
      await jumpClock(layout.hsmDataDir(hsm.hsmId), pid, offsetMs);
      context.output.result({ hsmId: hsm.hsmId, clockOffsetMs: offsetMs }, () =>
        context.output.line(
          `${hsm.hsmId}'s clock now reads the wall clock ${offsetMs >= 0 ? '+' : ''}${offsetMs} ms`,
        ),
      );
    }),
  );

  acceptGlobalOptions(
    withComposeOptions(
      chaos
        .command('storage')
        .description("damage an HSM node's journal: stop it, inject the fault, start it again")
        .argument('<hsm-id>', 'the HSM')
        .option(
          '--fault <kind>',
          'torn-tail (last record cut), lost-tail (unsynced frames lost) or bit-flip',
        ),
    ),
  ).action(
    action<{ fault?: string } & ComposeOptions>(async (context, [hsmId], options) => {
      const kind = storageFaultKind(options.fault);
      if (isCompose(options)) {
        return composeStorage(context, composeProjectName(options), hsmId!, kind);
      }
      const { layout, lab } = await chaosLab(context);
      const hsm = labHsm(lab, hsmId!);
      await stopProcess(layout, hsm.hsmId);
      let pid: number;
      let report: StorageFaultReport;
      try {
        report = await injectStorageFault(layout.hsmDataDir(hsm.hsmId), kind);
      } finally {
        pid = await startHsm(layout, lab, hsm);
      }
      context.output.result({ hsmId: hsm.hsmId, pid, ...report }, () => {
        context.output.line(`${hsm.hsmId}: ${report.detail}`);
        context.output.line(`restarted ${hsm.hsmId} (pid ${pid}); the cluster's resync repairs it`);
      });
    }),
  );

  registerChaosNetworkCommands(chaos);
}
