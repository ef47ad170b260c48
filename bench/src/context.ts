import type { BenchArgs } from './cli-args';
import type { Timing } from './timing';

/** BenchContext is what every section gets. */
export interface BenchContext {
  args: BenchArgs;
  timing: Timing;
  /** Extra V8 flags for node processes (CPU profiling). */
  nodeExecArgv: string[];
  /** progress prints a line to stderr (stdout stays for the table). */
  progress(message: string): void;
}
