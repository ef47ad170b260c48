import type { LabFile } from '../lab-files';
import type { Output } from '../output';
import { labDown } from './lab-down';
import { ORCHESTRATOR_NAME, type LabLayout } from './lab-layout';
import { processState } from './lab-processes';

/** WATCH_INTERVAL_MS is how often a foreground lab checks that its processes live. */
const WATCH_INTERVAL_MS = 1000;

/**
 * runInForeground keeps `lab up --foreground` attached: it reports any lab
 * process that dies (it is not restarted: a crash is shown, not hidden) and,
 * on Ctrl-C (SIGINT) or SIGTERM, stops the whole lab and resolves.
 */
export async function runInForeground(
  layout: LabLayout,
  lab: LabFile,
  output: Output,
): Promise<void> {
  const names = [ORCHESTRATOR_NAME, ...lab.hsms.map((h) => h.hsmId)];
  const reported = new Set<string>();
  output.line('running in the foreground: Ctrl-C stops the lab');

  await new Promise<void>((resolve, reject) => {
    let stopping = false;
    const timer = setInterval(() => {
      void (async () => {
        for (const name of names) {
          if (stopping || reported.has(name)) continue;
          const state = await processState(layout, name);
          if (state.state === 'running') continue;
          reported.add(name);
          process.stderr.write(
            `hsmlab: ${name} is no longer running (${state.state}); see ${layout.logFile(name)}\n`,
          );
        }
      })();
    }, WATCH_INTERVAL_MS);
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      clearInterval(timer);
      output.line(`${signal}: stopping the lab`);
      labDown(layout, false, output).then(() => resolve(), reject);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
