/** The response check the API tests run: it fails a response the OpenAPI document does not describe. */
import express from 'express';
import { assertDocumented, request } from './openapi-responses';

const json = { type: 'application/json' };

describe('responses checked against the OpenAPI document', () => {
  it('when a body matches its documented schema, then the check passes', () => {
    expect(() => assertDocumented('GET', '/api/health', { ...json, status: 200, body: { status: 'ok', database: 'pglite' } })).not.toThrow();
    expect(() => assertDocumented('POST', 'http://127.0.0.1:1234/api/workbooks/x/batches/A%2FB/jobs', { ...json, status: 404, body: { error: { code: 'not_found', message: 'No such batch' } } })).not.toThrow();
  });

  it('when a body does not match its documented schema, then the check fails naming the operation and the field', () => {
    expect(() => assertDocumented('GET', '/api/health', { ...json, status: 200, body: { status: 'down', database: 'pglite' } })).toThrow(/GET \/api\/health answered 200 with a body that does not match[\s\S]*\/status must be equal to one of the allowed values/);
    expect(() => assertDocumented('GET', '/api/workbooks/groups/rows?x=1', { ...json, status: 200, body: { kind: 'groups', rows: [], total: '0', nextCursor: null, lists: {} } })).toThrow(/\/total must be integer/);
  });

  it('when the status is one the operation does not list, or the body is not JSON, then the check fails', () => {
    expect(() => assertDocumented('GET', '/api/workbooks', { ...json, status: 500, body: { error: { code: 'internal', message: 'x' } } })).toThrow(/GET \/api\/workbooks answered 500, which the OpenAPI document does not list/);
    expect(() => assertDocumented('GET', '/api/workbooks', { type: 'text/html', status: 200, body: {} })).toThrow(/with text\/html, but the document says application\/json/);
    expect(() => assertDocumented('DELETE', '/api/workbooks', { ...json, status: 200, body: {} })).toThrow(/DELETE \/api\/workbooks is not in the OpenAPI document/);
    expect(() => assertDocumented('GET', '/api/users', { ...json, status: 200, body: [] })).toThrow(/GET \/api\/users answered 200, but no path of the OpenAPI document matches it/);
    expect(() => assertDocumented('GET', '/api/nowhere', { ...json, status: 404, body: { error: { code: 'not_found', message: 'There is no such API address.' } } })).not.toThrow();
  });

  it('when a test calls an app whose answer differs from the document, then the request itself fails', async () => {
    const app = express().get('/api/health', (_req, res) => {
      res.json({ status: 'ok' });
    });
    await expect(request(app).get('/api/health').expect(200)).rejects.toThrow(/must have required property 'database'/);
  });
});
