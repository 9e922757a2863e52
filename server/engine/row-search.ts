/**
 * Search before download (issue 10, point 6): the rows query's person numbers, name, group and status, checked here
 * (a bad value is a 400 in plain words, never a 500) and applied by every kind's download query as one SQL piece,
 * beside the population's: keyset paging and data access work on the narrowed rows unchanged.
 */
import { sql, type RawBuilder } from 'kysely';
import { personNumbersProblem, toRowSearch, type RowSearch, type SearchDimension } from '../../src/contract/row-search';
import type { WorkbookDefinition } from '../../src/contract/api';
import { AppError } from '../errors/app-error';
import { personVisible, type Population } from './population';
import type { Db } from './workbook-kind';

/** The SQL expressions a kind's download query searches: the row's person number and name, and its group and status. */
export interface SearchColumns {
  /** Absent for setup kinds, which hold no person's data (their definition says `persons: false`). */
  personNumber?: string;
  name?: string;
  group?: string;
  status?: string;
}

type SearchQuery = { personNumbers?: string; name?: string; group?: string; status?: string };

/** The value as the kind's list (or fixed values) spells it; a value not in it is refused naming what is there. */
function checkedValue(value: string, dimension: SearchDimension, lists: Record<string, string[]>): string {
  const allowed = dimension.values ?? (dimension.list ? lists[dimension.list] : undefined);
  if (!allowed) return value;
  const found = allowed.find((v) => v.toLowerCase() === value.toLowerCase());
  if (found !== undefined) return found;
  const some = allowed.slice(0, 12).join(', ');
  throw new AppError('bad_request', `There is no ${dimension.label.toLowerCase()} "${value}" to search for. Use one of: ${some}${allowed.length > 12 ? ', …' : ''}.`);
}

/** The search asked for, checked against the kind (what it can be searched by, and the values it has). */
export function readSearch(query: SearchQuery, definition: WorkbookDefinition, lists: Record<string, string[]>): RowSearch | undefined {
  const problem = query.personNumbers ? personNumbersProblem(query.personNumbers) : undefined;
  if (problem) throw new AppError('bad_request', problem);
  const search = toRowSearch(query);
  if (!search) return undefined;
  const setup = definition.search?.persons === false;
  const labels = setup ? [definition.search?.name?.label, definition.search?.group?.label, definition.search?.status?.label].filter((l): l is string => Boolean(l)) : [];
  const by = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}` : (labels[0] ?? '');
  const instead = setup ? (by ? ` Search it by ${by}.` : ' Download it whole.') : ' Search it by person numbers or name.';
  if (setup && definition.search) {
    if (search.personNumbers) throw new AppError('bad_request', `${definition.title} holds no person's data, so it cannot be searched by person numbers.${instead}`);
    if (search.name && !definition.search.name) throw new AppError('bad_request', `${definition.title} cannot be searched by name.${instead}`);
  }
  for (const dimension of ['group', 'status'] as const) {
    const value = search[dimension];
    if (value === undefined) continue;
    const known = definition.search?.[dimension];
    if (!known) throw new AppError('bad_request', `${definition.title} cannot be searched by ${dimension}.${instead}`);
    search[dimension] = checkedValue(value, known, lists);
  }
  return search;
}

/** `and …` for each dimension searched (nothing without a search); name: contains, case-insensitive. */
export function searchWhere(search: RowSearch | undefined, columns: SearchColumns | undefined): RawBuilder<unknown> {
  if (!search) return sql``;
  if (!columns) throw new AppError('bad_request', 'This workbook cannot be searched yet: leave the search fields empty to download it.');
  const parts: Array<RawBuilder<unknown>> = [];
  if (search.personNumbers?.length && columns.personNumber) parts.push(sql`${sql.raw(columns.personNumber)} in (select jsonb_array_elements_text(${JSON.stringify(search.personNumbers)}::jsonb))`);
  if (search.name && columns.name) {
    // The user's % and _ are letters, not wildcards.
    const escaped = search.name.replace(/[\\%_]/g, (c) => `\\${c}`);
    parts.push(sql`${sql.raw(columns.name)} ilike ${`%${escaped}%`}`);
  }
  if (search.group && columns.group) parts.push(sql`lower(${sql.raw(columns.group)}) = lower(${search.group})`);
  if (search.status && columns.status) parts.push(sql`lower(${sql.raw(columns.status)}) = lower(${search.status})`);
  return parts.length === 0 ? sql`` : sql`and ${sql.join(parts, sql` and `)}`;
}

/**
 * The listed numbers of no person the caller can see on the date (no such person, or one outside the population:
 * both answer alike, so a search tells nothing about persons outside it). One query for the whole list.
 */
export async function unknownPersonNumbers(db: Db, search: RowSearch | undefined, population: Population, date: string | undefined): Promise<string[] | undefined> {
  const numbers = search?.personNumbers;
  if (!numbers?.length) return undefined;
  const on = date ? sql`${date}::date` : sql`current_date`;
  const result = await sql<{ n: string }>`
    select v.n from jsonb_array_elements_text(${JSON.stringify(numbers)}::jsonb) as v(n)
    where not exists (select 1 from persons p where p.person_number = v.n and ${personVisible(population, sql`p.id`, on)})`.execute(db);
  const unknown = new Set(result.rows.map((r) => r.n));
  return numbers.filter((n) => unknown.has(n));
}
