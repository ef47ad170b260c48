/** Cell is one value of a table or record; undefined and null print as "-". */
export type Cell = string | number | boolean | null | undefined;

/** Column names a table column: the row field it shows and its header. */
export interface Column<Row> {
  header: string;
  value: (row: Row) => Cell;
}

/**
 * Output prints a command's result: aligned tables and "name: value" lines
 * for people, or one JSON document for scripts (`--json`). Every command
 * prints through one Output so the two forms never mix.
 */
export class Output {
  constructor(
    readonly json: boolean,
    private readonly write: (text: string) => void = writeStdout,
  ) {}

  /** result prints `value` as JSON, or calls `human` to print it for people. */
  result(value: unknown, human: () => void): void {
    if (this.json) this.write(`${JSON.stringify(value, jsonReplacer, 2)}\n`);
    else human();
  }

  /** line prints one line of human output (nothing in JSON mode). */
  line(text = ''): void {
    if (!this.json) this.write(`${text}\n`);
  }

  /** table prints rows under aligned headers; `empty` is printed when there are none. */
  table<Row>(rows: readonly Row[], columns: readonly Column<Row>[], empty = '(none)'): void {
    if (rows.length === 0) {
      this.line(empty);
      return;
    }
    const cells = rows.map((row) => columns.map((column) => cellText(column.value(row))));
    const widths = columns.map((column, i) =>
      Math.max(column.header.length, ...cells.map((row) => row[i]!.length)),
    );
    const render = (values: string[]) =>
      values
        .map((value, i) => (i === values.length - 1 ? value : value.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd();
    this.line(render(columns.map((column) => column.header)));
    for (const row of cells) this.line(render(row));
  }

  /** record prints `name: value` lines with the values aligned. */
  record(fields: Record<string, Cell>): void {
    const width = Math.max(...Object.keys(fields).map((name) => name.length));
    for (const [name, value] of Object.entries(fields)) {
      this.line(`${`${name}:`.padEnd(width + 1)} ${cellText(value)}`);
    }
  }
}

/** writeStdout writes to stdout unless a reader closed it (see main.ts). */
function writeStdout(text: string): void {
  if (process.stdout.writable) process.stdout.write(text);
}

/** cellText renders one cell for people. */
export function cellText(value: Cell): string {
  if (value === undefined || value === null || value === '') return '-';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** jsonReplacer prints Buffers as base64 strings instead of arrays of numbers. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (
    value !== null &&
    typeof value === 'object' &&
    (value as { type?: unknown }).type === 'Buffer' &&
    Array.isArray((value as { data?: unknown }).data)
  ) {
    return Buffer.from((value as { data: number[] }).data).toString('base64');
  }
  return value;
}

/** formatTimeMs renders a wall-clock time in milliseconds as ISO text, "-" for 0. */
export function formatTimeMs(ms: number): string {
  return ms > 0 ? new Date(ms).toISOString() : '-';
}
