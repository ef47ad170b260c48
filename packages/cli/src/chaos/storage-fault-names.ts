import type { StorageFaultKind } from '@hsmlab/chaos';
import { UsageError } from '../cli-errors';

/** STORAGE_FAULT_NAMES maps the CLI's `--fault` names to the toolkit's storage faults. */
export const STORAGE_FAULT_NAMES: Readonly<Record<string, StorageFaultKind>> = {
  'torn-tail': 'torn-last-record',
  'torn-last-record': 'torn-last-record',
  'lost-tail': 'lost-tail',
  'bit-flip': 'bit-flip',
};

/** storageFaultKind reads `--fault`. */
export function storageFaultKind(name: string | undefined): StorageFaultKind {
  const kind = name === undefined ? undefined : STORAGE_FAULT_NAMES[name];
  if (kind === undefined) {
    throw new UsageError('--fault must be torn-tail, lost-tail or bit-flip');
  }
  return kind;
}
