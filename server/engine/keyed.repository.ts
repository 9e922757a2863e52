/** Set-based reads and writes of a keyed kind's table: one statement per operation for a whole chunk. */
import { sql } from 'kysely';
import type { SqlType } from './effective-dated.repository';
import type { Db } from './workbook-kind';

export interface KeyedTable {
  table: string;
  /** The stored key column. */
  key: string;
  /** The stored key column's type, when not text (a server-assigned integer key). */
  keyType?: SqlType;
  attributes: Record<string, SqlType>;
}

export interface KeyedRecord {
  key: string;
  version: number;
  attributes: Record<string, unknown>;
}

const keyList = (keys: string[]) => sql`(select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`;

function recordset(columns: Record<string, string>) {
  return sql.raw(Object.entries(columns).map(([name, type]) => `"${name}" ${type}`).join(', '));
}

/**
 * Locks the records of the keys (in key order, so two chunks never wait on each other crosswise), then reads them
 * again with a snapshot taken after the locks were granted: see lockRecords in effective-dated.repository.ts for why.
 */
export async function lockKeyed(db: Db, spec: KeyedTable, keys: string[]): Promise<Map<string, KeyedRecord>> {
  if (keys.length === 0) return new Map();
  const key = sql.ref(spec.key);
  await sql`select 1 from ${sql.table(spec.table)} where ${key}::text in ${keyList(keys)} order by ${key} for update`.execute(db);
  const names = Object.keys(spec.attributes);
  const columns = sql.raw(names.map((n) => `, "${n}"`).join(''));
  const result = await sql<Record<string, unknown>>`select ${key}::text as "__key", version ${columns} from ${sql.table(spec.table)} where ${key}::text in ${keyList(keys)}`.execute(db);
  return new Map(result.rows.map((r) => [String(r.__key), { key: String(r.__key), version: Number(r.version), attributes: Object.fromEntries(names.map((n) => [n, r[n]])) }]));
}

export async function insertKeyed(db: Db, spec: KeyedTable, rows: Array<{ key: string; attributes: Record<string, unknown> }>): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(spec.attributes);
  const columns = sql.raw([`"${spec.key}"`, ...names.map((n) => `"${n}"`)].join(', '));
  const select = sql.raw(['v.__key', ...names.map((n) => `v."${n}"`)].join(', '));
  const payload = rows.map((r) => ({ ...r.attributes, __key: r.key }));
  await sql`
    insert into ${sql.table(spec.table)} (${columns})
    select ${select} from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as v(${recordset({ __key: spec.keyType ?? 'text', ...spec.attributes })})`.execute(db);
}

/** Updates the attributes given on each row (others keep their value) and steps the version. */
export async function updateKeyed(db: Db, spec: KeyedTable, rows: Array<{ key: string; attributes: Record<string, unknown> }>): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(spec.attributes);
  // One statement: a column a row does not set keeps its value (the `__set_<name>` flag says whether it sets it).
  const set = sql.raw([...names.map((n) => `"${n}" = case when v."__set_${n}" then v."${n}" else t."${n}" end`), 'version = t.version + 1'].join(', '));
  const payload = rows.map((r) => ({ ...r.attributes, __key: r.key, ...Object.fromEntries(names.map((n) => [`__set_${n}`, n in r.attributes])) }));
  const flags = Object.fromEntries(names.map((n) => [`__set_${n}`, 'boolean']));
  await sql`
    update ${sql.table(spec.table)} t set ${set}
    from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as v(${recordset({ __key: 'text', ...spec.attributes, ...flags })})
    where t.${sql.ref(spec.key)}::text = v.__key`.execute(db);
}

export async function deleteKeyed(db: Db, spec: KeyedTable, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`delete from ${sql.table(spec.table)} where ${sql.ref(spec.key)}::text in ${keyList(keys)}`.execute(db);
}

/** Chunks of a kind whose rules span rows run one at a time: a transaction-scoped advisory lock on the kind's name. */
export async function serializeKind(db: Db, kind: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`keyed-kind:${kind}`}))`.execute(db);
}
