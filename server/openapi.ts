/** The OpenAPI document, generated from the shared contract. */
import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import * as c from '../src/contract/api';

export function openApiDocument(): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
  const errors = { 400: json(c.errorResponse, 'Invalid request'), 401: json(c.errorResponse, 'Not signed in') };
  registry.registerPath({ method: 'get', path: '/api/health', summary: 'Is the server up', responses: { 200: json(c.healthResponse, 'Up') } });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/sign-in',
    summary: 'Sign in and get a bearer token',
    request: { body: { content: { 'application/json': { schema: c.signInRequest } } } },
    responses: { 200: json(c.signInResponse, 'Signed in'), ...errors },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/workbooks',
    summary: 'Workbook kinds and their columns',
    security: [{ [bearer.name]: [] }],
    responses: { 200: json(c.workbooksResponse, 'Workbook definitions'), ...errors },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/workbooks/{kind}/rows',
    summary: 'Rows effective on a date (or of a batch), paged, with lists of values; narrowed by `filter` for kinds whose definition has one',
    security: [{ [bearer.name]: [] }],
    request: { params: c.kindParams, query: c.rowsQuery },
    responses: { 200: json(c.rowsResponse, 'A page of rows'), 404: json(c.errorResponse, 'No such workbook, or nothing matches the filter (e.g. no such batch)'), ...errors },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/workbooks/{kind}/uploads',
    summary: 'Upload one chunk of changed rows (idempotent per key)',
    security: [{ [bearer.name]: [] }],
    request: { params: c.kindParams, body: { content: { 'application/json': { schema: c.uploadRequest } } } },
    responses: {
      200: json(c.uploadResponse, 'One result per row'),
      405: json(c.errorResponse, 'The workbook is read-only (its definition has readOnly): nothing can be uploaded to it'),
      409: json(c.errorResponse, 'Key reused'), 413: json(c.errorResponse, 'Too large'),
      ...errors,
    },
  });
  const batchPath = '/api/workbooks/{kind}/batches/{batchName}';
  registry.registerPath({
    method: 'post',
    path: `${batchPath}/jobs`,
    summary: 'Start a run of the batch process (or answer the run already started with this key, or still going)',
    security: [{ [bearer.name]: [] }],
    request: { params: c.batchParams, body: { content: { 'application/json': { schema: c.startBatchJobRequest } } } },
    responses: { 202: json(c.batchJob, 'Run started'), 200: json(c.batchJob, 'The run already started'), 404: json(c.errorResponse, 'No such batch'), ...errors },
  });
  registry.registerPath({
    method: 'get',
    path: `${batchPath}/jobs/{jobId}`,
    summary: 'Progress of a run: lines done of total, complete and with errors',
    security: [{ [bearer.name]: [] }],
    request: { params: c.jobParams },
    responses: { 200: json(c.batchJob, 'The run'), 404: json(c.errorResponse, 'No such run'), ...errors },
  });
  registry.registerPath({
    method: 'get',
    path: `${batchPath}/audit-log`,
    summary: "Every line's error and information messages, for batches uploaded with Audit Log = Yes",
    security: [{ [bearer.name]: [] }],
    request: { params: c.batchParams },
    responses: { 200: json(c.auditLogResponse, 'The audit log'), 404: json(c.errorResponse, 'No such batch'), ...errors },
  });
  const lifeEventPath = `${batchPath}/lines/{lineId}/life-event`;
  registry.registerPath({
    method: 'get',
    path: lifeEventPath,
    summary: 'The potential life event a batch line processed: person, status, the batch lines of it and what it holds',
    security: [{ [bearer.name]: [] }],
    request: { params: c.lineParams },
    responses: { 200: json(c.batchLifeEvent, 'The life event'), 404: json(c.errorResponse, 'No such batch or line'), ...errors },
  });
  registry.registerPath({
    method: 'post',
    path: `${lifeEventPath}/back-out`,
    summary:
      'Back out the life event (status Voided): remove its enrollments and designations, give earlier enrollments they had ended their end back, mark its lines BACKED OUT. A second back-out answers alreadyBackedOut.',
    security: [{ [bearer.name]: [] }],
    request: { params: c.lineParams },
    responses: {
      200: json(c.backOutResponse, 'Backed out (or already was)'),
      404: json(c.errorResponse, 'No such batch, line or life event'),
      409: json(c.errorResponse, 'A run of the batch is going, or a later life event must be backed out first'),
      ...errors,
    },
  });
  registry.registerPath({
    method: 'delete',
    path: lifeEventPath,
    summary: 'Delete the voided potential life event, so that corrected lines can create it again',
    security: [{ [bearer.name]: [] }],
    request: { params: c.lineParams },
    responses: {
      200: json(c.deleteLifeEventResponse, 'Deleted'),
      404: json(c.errorResponse, 'No such batch, line or life event'),
      409: json(c.errorResponse, 'The life event is not voided, or a run of the batch is going'),
      ...errors,
    },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Benefits Workbook API', version: '1.0.0' },
  });
}
