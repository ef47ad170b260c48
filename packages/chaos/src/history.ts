import type { FaultEvent } from './fault-event';
import { classifyError, type ErrorClass } from './outcome';

/**
 * OpOutcome is how an operation ended, Jepsen style:
 * - `ok`: it happened and was acknowledged;
 * - `fail`: it certainly did not happen (no effect anywhere);
 * - `unknown`: it may or may not have happened (a timeout, a lost reply, a
 *   write that reached fewer nodes than asked).
 */
export type OpOutcome = 'ok' | 'fail' | 'unknown';

/** OpError keeps what a checker or a report needs from an error. */
export interface OpError {
  name: string;
  message: string;
}

/** Op is one operation in a History. Invariant: `outcome` and `endMs` are set together, once. */
export interface Op<I = unknown, O = unknown> {
  readonly id: number;
  /** Who ran it: a worker name, or anything the caller chooses. */
  readonly worker: string;
  /** What it was, such as `create`, `sign`, `delete`. */
  readonly kind: string;
  readonly input: I;
  /** Wall-clock time (Date.now()) of the invocation. */
  readonly invokeMs: number;
  endMs?: number;
  outcome?: OpOutcome;
  output?: O;
  error?: OpError;
}

/** HistorySummary counts a history's operations by outcome. */
export interface HistorySummary {
  total: number;
  ok: number;
  fail: number;
  unknown: number;
  pending: number;
  byKind: Record<string, { ok: number; fail: number; unknown: number }>;
  /** Errors of failed and unknown operations, counted by `kind errorName`. */
  errors: Record<string, number>;
}

/**
 * History records what a workload did (invoke, then ok, fail or unknown for
 * each operation, with times) and the faults injected meanwhile. Checkers
 * read it after the run. It works for any service: wrap each call in run().
 */
export class History {
  readonly faults: FaultEvent[] = [];
  private readonly list: Op[] = [];

  /** invoke records the start of an operation; complete it with ok, fail or unknown. */
  invoke<I>(kind: string, input: I, worker = 'main'): Op<I> {
    const op: Op<I> = { id: this.list.length + 1, worker, kind, input, invokeMs: Date.now() };
    this.list.push(op);
    return op;
  }

  ok<O>(op: Op<unknown, O>, output?: O): void {
    this.complete(op, 'ok');
    op.output = output;
  }

  fail(op: Op, err: unknown): void {
    this.complete(op, 'fail');
    op.error = toOpError(err);
  }

  unknown(op: Op, err: unknown): void {
    this.complete(op, 'unknown');
    op.error = toOpError(err);
  }

  /**
   * run invokes fn as one operation and records how it ended. Errors are
   * sorted by classifyError: a mutating operation that may have landed is
   * `unknown`, anything else that threw is `fail`. It never throws; it
   * resolves with fn's value, or undefined when fn threw.
   */
  async run<T>(
    kind: string,
    input: unknown,
    fn: () => Promise<T>,
    options: { mutating?: boolean; worker?: string; classify?: (err: unknown) => ErrorClass } = {},
  ): Promise<T | undefined> {
    const op = this.invoke(kind, input, options.worker);
    try {
      const value = await fn();
      this.ok(op, value);
      return value;
    } catch (err) {
      const verdict = options.classify?.(err) ?? classifyError(err, options.mutating ?? false);
      if (verdict === 'fail') this.fail(op, err);
      else this.unknown(op, err);
      return undefined;
    }
  }

  /** recordFault adds a fault event (ProcessCluster.onFault can feed it). */
  recordFault(event: FaultEvent): void {
    this.faults.push(event);
  }

  /** ops lists the operations, of one kind or all, in invocation order. */
  ops(kind?: string): readonly Op[] {
    return kind === undefined ? this.list : this.list.filter((op) => op.kind === kind);
  }

  /** invokedBetween lists the operations (of one kind, or all) invoked in [fromMs, toMs). */
  invokedBetween(fromMs: number, toMs: number, kind?: string): Op[] {
    return this.ops(kind).filter((op) => op.invokeMs >= fromMs && op.invokeMs < toMs);
  }

  summary(): HistorySummary {
    const summary: HistorySummary = {
      total: 0,
      ok: 0,
      fail: 0,
      unknown: 0,
      pending: 0,
      byKind: {},
      errors: {},
    };
    for (const op of this.list) {
      summary.total += 1;
      const kind = (summary.byKind[op.kind] ??= { ok: 0, fail: 0, unknown: 0 });
      if (op.outcome === undefined) summary.pending += 1;
      else {
        summary[op.outcome] += 1;
        kind[op.outcome] += 1;
      }
      if (op.error) {
        const key = `${op.kind} ${op.error.name}`;
        summary.errors[key] = (summary.errors[key] ?? 0) + 1;
      }
    }
    return summary;
  }

  private complete(op: Op, outcome: OpOutcome): void {
    if (op.outcome !== undefined) {
      throw new Error(
        `history: op ${op.id} (${op.kind}) completed twice (${op.outcome}, then ${outcome})`,
      );
    }
    op.outcome = outcome;
    op.endMs = Date.now();
  }
}

function toOpError(err: unknown): OpError {
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: 'Error', message: String(err) };
}
