/**
 * Errors that say a typed name matches nothing (not those about a name that exists but is not in effect): only
 * these get a "Did you mean" (suggestions.ts). Kept beside the error objects, so the contract's RowError is unchanged.
 */
import type { RowError } from '../../src/contract/api';

const unknown = new WeakSet<RowError>();

/** Marks the error as "this name matches nothing" and answers it. */
export function unknownName<E extends RowError>(error: E): E {
  unknown.add(error);
  return error;
}

export const isUnknownName = (error: RowError): boolean => unknown.has(error);
