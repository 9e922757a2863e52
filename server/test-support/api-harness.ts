/** The real app on a fresh test database, signed in, with the calls API tests make. */
import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../app';
import type { AppDatabase, DatabaseKind } from '../db/database';
import { seedDemoData } from '../demo/seed';
import { createTestDatabase } from './databases';
import { request as documentedRequest } from './openapi-responses';
import type { UploadRow } from '../../src/contract/api';

type Row = { key: string; version: number; values: Record<string, string | number | null> };

export interface Harness {
  database: AppDatabase;
  app: Express;
  rowsOn(kind: string, effectiveDate: string): Promise<Row[]>;
  rowFor(kind: string, effectiveDate: string, match: (values: Row['values']) => boolean): Promise<Row>;
  upload(kind: string, effectiveDate: string, rows: UploadRow[]): Promise<Array<{ rowId: number; status: string; errors: Array<{ column?: string; message: string }>; values?: Row['values'] }>>;
  /** Authorised requests for the calls without a helper here. */
  get(path: string, query?: Record<string, unknown>): request.Test;
  post(path: string, body: object): request.Test;
  delete(path: string): request.Test;
  close(): Promise<void>;
}

export async function createHarness(dialect: DatabaseKind, persons = 30): Promise<Harness> {
  const database = await createTestDatabase(dialect);
  await seedDemoData(database.db, { persons });
  const app = await createApp({ database });
  // Every call below is checked against the OpenAPI document as its answer arrives.
  const api = documentedRequest(app);
  const signIn = await api.post('/api/auth/sign-in').send({ username: 'demo', password: 'demo123' }).expect(200);
  const auth = { Authorization: `Bearer ${signIn.body.token}` };
  const rowsOn = async (kind: string, effectiveDate: string) =>
    (await api.get(`/api/workbooks/${kind}/rows`).query({ effectiveDate, limit: 10000 }).set(auth).expect(200)).body.rows as Row[];
  return {
    database,
    app,
    rowsOn,
    async rowFor(kind, effectiveDate, match) {
      const row = (await rowsOn(kind, effectiveDate)).find((r) => match(r.values));
      if (!row) throw new Error(`no ${kind} row matches on ${effectiveDate}`);
      return row;
    },
    async upload(kind, effectiveDate, rows) {
      const res = await api.post(`/api/workbooks/${kind}/uploads`).set(auth).send({ idempotencyKey: randomUUID(), effectiveDate, rows }).expect(200);
      return res.body.results;
    },
    get: (path, query = {}) => api.get(path).query(query).set(auth),
    post: (path, body) => api.post(path).set(auth).send(body),
    delete: (path) => api.delete(path).set(auth),
    close: () => database.close(),
  };
}
