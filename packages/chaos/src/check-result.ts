/** CheckResult is one checker's verdict on a run. */
export interface CheckResult {
  /** What was checked, as a sentence: "no acknowledged key lost". */
  name: string;
  ok: boolean;
  /** How many things were checked (keys, signatures, lines…). */
  checked: number;
  /** Each broken promise, one line each (the first MAX_LISTED; `violationCount` has them all). */
  violations: string[];
  violationCount: number;
  /** Remarks that do not fail the check, such as a slow convergence or inconclusive probes. */
  notes: string[];
}

/** MAX_LISTED bounds the violations a result lists, so a broken run still prints readably. */
export const MAX_LISTED = 20;

/** checkResult builds a CheckResult; `ok` defaults to "no violation". */
export function checkResult(
  name: string,
  checked: number,
  violations: readonly string[],
  options: { notes?: string[]; ok?: boolean } = {},
): CheckResult {
  return {
    name,
    ok: options.ok ?? violations.length === 0,
    checked,
    violations: violations.slice(0, MAX_LISTED),
    violationCount: violations.length,
    notes: options.notes ?? [],
  };
}

/**
 * checkEveryKindServed: each kind of operation the workload ran succeeded at
 * least once, so that no checker passes only because its operations all
 * failed (a broken sign path would otherwise leave nothing to verify).
 */
export function checkEveryKindServed(
  kinds: readonly string[],
  okByKind: Record<string, number>,
): CheckResult {
  const violations = kinds
    .filter((kind) => !(okByKind[kind]! > 0))
    .map((kind) => `no ${kind} succeeded`);
  return checkResult('every kind of operation succeeded at least once', kinds.length, violations);
}

/** describeFailures renders the failed checks of a run, for an assertion message. */
export function describeFailures(results: readonly CheckResult[]): string {
  return results
    .filter((r) => !r.ok)
    .map((r) => {
      const more =
        r.violationCount > r.violations.length
          ? ` (+${r.violationCount - r.violations.length} more)`
          : '';
      const lines = [...r.violations, ...r.notes].map((v) => `    ${v}`).join('\n');
      return `  ✗ ${r.name}${more}\n${lines}`;
    })
    .join('\n');
}
