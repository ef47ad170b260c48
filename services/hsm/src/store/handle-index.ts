/**
 * HandleIndex keeps a set of handles in sorted order (JavaScript string
 * order, by UTF-16 code unit) for paging. Handles are only ever added: a
 * deleted object stays as a tombstone.
 *
 * It is built lazily with one sort and then kept sorted by binary insertion,
 * so a bulk load costs one sort and each later insert one memmove.
 */
export class HandleIndex {
  /** Invariant: when set, holds exactly the added handles, sorted, without duplicates. */
  private sorted: string[] | undefined;
  private readonly pending: string[] = [];
  /** version changes on every insert, so iterators can notice. */
  private version = 0;

  /** add records a handle that was not in the index before. */
  add(handle: string): void {
    this.version += 1;
    if (this.sorted === undefined) {
      this.pending.push(handle);
      return;
    }
    this.sorted.splice(lowerBound(this.sorted, handle), 0, handle);
  }

  /** after returns up to limit handles strictly greater than handle, in order. */
  after(handle: string, limit: number): string[] {
    const sorted = this.ensureSorted();
    const start = upperBound(sorted, handle);
    return sorted.slice(start, start + Math.max(0, limit));
  }

  /** iterate yields every handle in order, including ones added while iterating after the current one. */
  *iterate(): Generator<string> {
    let sorted = this.ensureSorted();
    let seen = this.version;
    let index = 0;
    let last: string | undefined;
    for (;;) {
      if (seen !== this.version) {
        sorted = this.ensureSorted();
        seen = this.version;
        index = last === undefined ? 0 : upperBound(sorted, last);
      }
      if (index >= sorted.length) return;
      last = sorted[index++]!;
      yield last;
    }
  }

  private ensureSorted(): string[] {
    if (this.sorted === undefined) {
      this.sorted = this.pending.splice(0).sort(compareStrings);
    }
    return this.sorted;
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** lowerBound is the first index whose handle is >= key. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** upperBound is the first index whose handle is > key. */
function upperBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
