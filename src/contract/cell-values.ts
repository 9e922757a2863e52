/** Values from a cell that every part of the HTTP contract reads: a calendar date, and the one rule for text. */
import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';

extendZodWithOpenApi(z);

/** ISO calendar date, as the server stores it: 2026-01-31. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-01-31')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a real calendar date')
  .openapi({ example: '2026-01-01' });

/**
 * The one rule for text from a cell (seed of it: issue 8): after trimming the spaces, tabs and line breaks around it,
 * text may hold no control character (Unicode Cc: NUL, tab, line break, DEL, U+0080–U+009F) and no invalid Unicode
 * (a lone UTF-16 surrogate). PostgreSQL cannot store NUL or a lone surrogate, and inside a name, code or plan a control
 * character is a paste accident, not data. Such text is refused, never silently changed: the server fails that row
 * with a message naming the column and showing what was typed (server/engine/storable-text.ts).
 * Returns the first such character as "U+XXXX", or undefined when the text is fine.
 */
export function unstorableCharacter(text: string): string | undefined {
  const found = /\p{Cc}|\p{Cs}/u.exec(text.trim());
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}
