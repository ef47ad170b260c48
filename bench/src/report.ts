import type { Spread } from './stats';

/** Chart is one SVG plot a section writes next to latest.md. */
export interface Chart {
  file: string;
  title: string;
  svg: string;
}

/** SectionReport is one section's part of latest.md. */
export interface SectionReport {
  title: string;
  lines: string[];
  charts: Chart[];
}

/** num formats a number with thousands separators and `digits` decimals. */
export function num(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** ms formats a latency in milliseconds with precision that suits its size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value < 1) return value.toFixed(3);
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

/** spreadText shows a median with its min–max over runs. */
export function spreadText(s: Spread, format: (v: number) => string = (v) => num(v)): string {
  if (s.runs === 0) return '—';
  if (s.runs === 1) return format(s.median);
  return `${format(s.median)} (${format(s.min)}–${format(s.max)})`;
}

/** ratio formats a/b as "0.52×" (— when either is missing). */
export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '—';
  const r = a / b;
  return `${r < 0.1 ? r.toFixed(3) : r.toFixed(2)}×`;
}

/** table renders a Markdown table. */
export function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}
