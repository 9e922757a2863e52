/**
 * A row's fingerprint: a short hash of its user-editable values, normalised, kept in a hidden cell at download
 * so Upload finds edited rows even when Excel raised no change event (dropdown picks, pastes).
 */
import type { CellValue, ColumnDefinition } from '../contract/api';
import { readDate } from './dates';

type Cell = string | number | boolean | null | undefined;

/** One cell as the server sees it: trimmed text, canonical numbers, dates as ISO (or the text as typed when unreadable). */
export function normaliseValue(column: Pick<ColumnDefinition, 'type'>, value: Cell, locale: string): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  if (column.type === 'date') {
    const reading = readDate(value, locale);
    return reading.ok ? reading.iso : reading.typed;
  }
  if (column.type === 'number' && typeof value === 'string') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : value.trim();
  }
  if (column.type === 'text') return String(value).trim(); // Excel may have turned typed digits into a number
  return typeof value === 'string' ? value.trim() : value;
}

function canonical(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return `n:${Number.isInteger(value) ? value : Number(value.toPrecision(15))}`;
  if (typeof value === 'boolean') return `b:${value}`;
  return `s:${value}`;
}

/** Fingerprint of values already normalised with `normaliseValue`, in column order. */
export function fingerprint(values: CellValue[]): string {
  const text = values.map(canonical).join('\u001f');
  // FNV-1a, 32 bit: enough to tell an edited row from its downloaded state.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
