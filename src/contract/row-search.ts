/**
 * Search before download (issue 10, point 6; Oracle's search results): a Prepare may narrow the download to some rows,
 * by person numbers (a pasted list), by name (contains), by the kind's group and by its status. Shared by the server
 * (which applies it in SQL) and the pane (which checks what was typed before it asks).
 */
import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';

extendZodWithOpenApi(z);

/** The most person numbers one search may list: the list travels in the query string, which servers cap at ~16 KB. */
export const MAX_SEARCH_PERSON_NUMBERS = 1000;

/** A person number: letters, then digits (P10050, 10050). "P1X" is a typo, not a person nobody has. */
const PERSON_NUMBER = /^[A-Za-z]{0,10}\d{1,20}$/;

/** Commas, semicolons, spaces, tabs and line breaks all separate numbers (a column pasted from Excel, a typed list). */
const SEPARATORS = /[\s,;]+/u;

/** A pasted list as numbers (duplicates dropped, order kept) and the first entry that is not a person number. */
export function parsePersonNumbers(text: string): { numbers: string[]; bad?: string; tooMany?: boolean } {
  const numbers = [...new Set(text.split(SEPARATORS).map((t) => t.trim()).filter(Boolean))];
  const bad = numbers.find((n) => !PERSON_NUMBER.test(n));
  if (bad !== undefined) return { numbers, bad };
  return numbers.length > MAX_SEARCH_PERSON_NUMBERS ? { numbers, tooMany: true } : { numbers };
}

/** What to tell a person about the list they pasted; undefined when it is fine. */
export function personNumbersProblem(text: string): string | undefined {
  const { numbers, bad, tooMany } = parsePersonNumbers(text);
  if (bad !== undefined) return `${bad.length > 40 ? `${bad.slice(0, 40)}…` : bad} is not a person number. A person number is letters then digits, such as P10050; separate numbers with commas, spaces or line breaks.`;
  if (tooMany) return `${numbers.length.toLocaleString('en-US')} person numbers are listed; search for at most ${MAX_SEARCH_PERSON_NUMBERS.toLocaleString('en-US')} at a time.`;
  return undefined;
}

const searchText = z
  .string()
  .trim()
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, 'A search cannot contain line breaks, tabs or other control characters')
  .openapi({ pattern: '^[^\\u0000-\\u001F\\u007F-\\u009F]*$' }); // as batchName: without the u flag the generator mangles

/** The search's query parameters (each optional; empty is no search on that dimension). */
export const rowSearchQuery = {
  /** A pasted list: commas, semicolons, spaces, tabs or line breaks between the numbers (at most 1,000). */
  personNumbers: z.string().max(30000).optional().openapi({ example: 'P10001, P10002' }),
  /** Rows whose person's name (setup kinds: definition.search.name) contains this (case-insensitive). */
  name: searchText.optional().openapi({ example: 'smi' }),
  /** The kind's group (definition.search.group: benefits group, balance, tobacco use…), matched whole, case-insensitive. */
  group: searchText.optional(),
  /** The kind's status (definition.search.status: line status…), matched whole, case-insensitive. */
  status: searchText.optional(),
};

/** A search as the sheet keeps it and the title shows it: person numbers as a clean list. */
export const rowSearch = z
  .object({
    personNumbers: z.array(z.string()).optional(),
    name: z.string().optional(),
    group: z.string().optional(),
    status: z.string().optional(),
  })
  .openapi('RowSearch');
export type RowSearch = z.infer<typeof rowSearch>;

/** One dimension a kind can be searched by besides person numbers and name: its label and, if fixed, its values. */
export const searchDimension = z.object({
  label: z.string(),
  hint: z.string().optional(),
  /** A list of values in RowsResponse.lists that the value must be one of (checked on the server). */
  list: z.string().optional(),
  /** Fixed values the value must be one of. */
  values: z.array(z.string()).optional(),
});
export type SearchDimension = z.infer<typeof searchDimension>;

/**
 * What a kind can be searched by. Kinds of persons: person numbers and the person's name, always, and their own group
 * and status. Setup kinds (`persons: false`: benefits, rates, rate grids) hold no person's data: no person numbers;
 * `name` labels what "contains" looks in (such as the provider), and group and status are their own (Benefit Category…).
 */
export const searchDefinition = z
  .object({ persons: z.boolean().optional(), name: searchDimension.optional(), group: searchDimension.optional(), status: searchDimension.optional() })
  .openapi('SearchDefinition');
export type SearchDefinition = z.infer<typeof searchDefinition>;

/** The search's query values as a RowSearch (empty ones left out); throws nothing: check `personNumbersProblem` first. */
export function toRowSearch(query: { personNumbers?: string; name?: string; group?: string; status?: string }): RowSearch | undefined {
  const numbers = query.personNumbers ? parsePersonNumbers(query.personNumbers).numbers : [];
  const search: RowSearch = {
    ...(numbers.length > 0 ? { personNumbers: numbers } : {}),
    ...(query.name?.trim() ? { name: query.name.trim() } : {}),
    ...(query.group?.trim() ? { group: query.group.trim() } : {}),
    ...(query.status?.trim() ? { status: query.status.trim() } : {}),
  };
  return Object.keys(search).length > 0 ? search : undefined;
}

/** The search as query parameters (person numbers comma-separated). */
export function searchParams(search: RowSearch | undefined): { personNumbers?: string; name?: string; group?: string; status?: string } {
  if (!search) return {};
  return {
    ...(search.personNumbers?.length ? { personNumbers: search.personNumbers.join(',') } : {}),
    ...(search.name ? { name: search.name } : {}),
    ...(search.group ? { group: search.group } : {}),
    ...(search.status ? { status: search.status } : {}),
  };
}

/** For the title row: `Person numbers: 12 listed; Name contains "smi"; Benefits group: Executives`. */
export function searchSummary(search: RowSearch | undefined, definition: SearchDefinition | undefined): string {
  if (!search) return '';
  const parts: string[] = [];
  const n = search.personNumbers?.length ?? 0;
  if (n > 0) parts.push(n <= 3 ? `Person numbers: ${search.personNumbers!.join(', ')}` : `Person numbers: ${n} listed`);
  if (search.name) parts.push(`${definition?.name?.label ?? 'Name'} contains "${search.name}"`);
  if (search.group) parts.push(`${definition?.group?.label ?? 'Group'}: ${search.group}`);
  if (search.status) parts.push(`${definition?.status?.label ?? 'Status'}: ${search.status}`);
  return parts.join('; ');
}
