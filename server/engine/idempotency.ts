/** Once per idempotency key: a retried request gets the stored answer and applies nothing. */
import type { Response } from 'express';
import { sql } from 'kysely';
import { AppError } from '../errors/app-error';
import type { Db } from './workbook-kind';

/**
 * Runs `apply` in one transaction with the claim of the key, so the claim and the writes commit together.
 * `scope` (the kind, or kind and batch) must match on a retry: a key is never reused for another upload.
 */
export async function oncePerKey<T>(db: Db, key: string, scope: string, apply: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const claimed = await sql`
      insert into upload_requests (idempotency_key, kind) values (${key}, ${scope})
      on conflict do nothing returning idempotency_key`.execute(trx);
    if (claimed.rows.length === 0) {
      const earlier = await trx.selectFrom('upload_requests').select(['kind', 'response']).where('idempotency_key', '=', key).executeTakeFirstOrThrow();
      if (earlier.kind !== scope || earlier.response === null) {
        throw new AppError('conflict', 'This upload key was already used for another upload. Upload again to get a new key.');
      }
      return earlier.response as T;
    }
    const response = await apply(trx);
    const text = JSON.stringify(response);
    await trx.updateTable('upload_requests').set({ response: text }).where('idempotency_key', '=', key).execute();
    if (typeof response === 'object' && response !== null) storedText.set(response, text);
    return response;
  });
}

/** The JSON of each answer just stored (a chunk's answer is 2,000 rows: the HTTP answer sends the same text, not a second stringify). */
const storedText = new WeakMap<object, string>();

/** Sends an answer as JSON: the text stored for it when there is one (same as `res.json`, which this app configures no replacer or spaces for). */
export function sendAnswer(res: Response, answer: object): void {
  const text = storedText.get(answer);
  if (text === undefined) res.json(answer);
  else res.type('json').send(text);
}
