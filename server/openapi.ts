/**
 * The OpenAPI document, generated from the shared contract. It passes `redocly lint` (recommended rules) with no
 * problem (openapi.lint.test.ts), and every response the API tests receive is checked against it (test-support).
 */
import { OpenApiGeneratorV31, OpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import * as c from '../src/contract/api';
import type { Role } from '../src/contract/roles';
import * as history from '../src/contract/change-history';
import * as sso from '../src/contract/sso';
import { documentRateChangeRoutes } from './workbooks/rate-change/rate-change.openapi';

type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 429;

/** What each error answer means, unless a route says it more precisely. All carry ErrorResponse. */
const ERRORS: Record<ErrorStatus, string> = {
  400: 'The request is not valid (a body that is not JSON, a bad parameter); `error.issues` names each field',
  401: 'Not signed in, or the sign-in has expired: sign in again',
  403: "Signed in, but the user's role does not allow this",
  404: 'Not found',
  405: 'The workbook is read-only: nothing can be uploaded to it',
  409: 'Conflict',
  413: 'The request is too large: send fewer rows at a time',
  415: 'The body is not JSON in UTF-8, or is compressed in a way the server does not read',
  429: 'Too many requests: wait, then try again',
};

/** Every route; each with a client-generator-friendly operationId, its security and its answers. */
export function openApiDocument(): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
  const body = (schema: z.ZodType) => ({ body: { required: true, content: { 'application/json': { schema } } } });
  type Route = Omit<RouteConfig, 'responses' | 'security'> & {
    operationId: string;
    ok: RouteConfig['responses'];
    /** Error answers beyond those every route of its kind has, with what they mean here. */
    errors?: Partial<Record<ErrorStatus, string>>;
    public?: boolean;
    /** Signed-in routes: the least role that may call it (x-role; server/auth/route-roles.ts enforces it). */
    role?: Role;
  };
  const route = ({ ok, errors = {}, public: isPublic, role, ...config }: Route) => {
    if (!isPublic && !role) throw new Error(`OpenAPI: ${config.method.toUpperCase()} ${config.path} needs a role.`);
    // Every route can answer 400 and 415 (the JSON body parser runs first); signed-in routes also 401, 403 and 429.
    const always: Partial<Record<ErrorStatus, string>> = isPublic ? { 400: ERRORS[400], 415: ERRORS[415] } : { 400: ERRORS[400], 401: ERRORS[401], 403: ERRORS[403], 415: ERRORS[415], 429: ERRORS[429] };
    const answers = { ...always, ...errors };
    const responses = { ...ok, ...Object.fromEntries(Object.entries(answers).map(([status, text]) => [status, json(c.errorResponse, text as string)])) };
    const roleNote = role ? { 'x-role': role, description: `${config.description ? `${config.description} ` : ''}Least role: ${role}.` } : {};
    registry.registerPath({ ...config, ...roleNote, security: isPublic ? [] : [{ [bearer.name]: [] }], responses });
  };

  route({
    method: 'get',
    path: '/api/health',
    operationId: 'getHealth',
    summary: 'Is the server up',
    public: true,
    ok: { 200: json(c.healthResponse, 'Up') },
  });
  route({
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    public: true,
    ok: { 200: json(z.object({ openapi: z.string() }).catchall(z.unknown()), 'The OpenAPI document') },
  });
  route({
    method: 'post',
    path: '/api/auth/sign-in',
    operationId: 'signIn',
    summary: 'Sign in and get a bearer token',
    public: true,
    request: body(c.signInRequest),
    ok: { 200: json(c.signInResponse, 'Signed in') },
    errors: { 401: 'The user name or password is not right', 413: ERRORS[413], 429: 'Too many sign-in attempts: wait, then try again' },
  });
  route({
    method: 'post',
    path: '/api/auth/sign-out',
    operationId: 'signOut',
    role: 'viewer',
    summary: 'Sign out: the token stops working at once',
    ok: { 200: json(c.messageResponse, 'Signed out') },
  });
  route({
    method: 'post',
    path: '/api/auth/password',
    operationId: 'changePassword',
    role: 'viewer',
    summary: "Change the signed-in user's password (the current one is required); their other sessions end",
    request: body(c.changePasswordRequest),
    ok: { 200: json(c.messageResponse, 'Password changed') },
    errors: { 400: 'The current password is not right, or the new one is too short or the same' },
  });
  route({
    method: 'get',
    path: '/api/auth/oidc/config',
    operationId: 'getSsoConfig',
    summary: 'Whether single sign-on is set up, and what the pane needs to start it (authorization endpoint, client ID, scope)',
    public: true,
    ok: { 200: json(sso.ssoConfigResponse, 'Single sign-on settings') },
  });
  route({
    method: 'post',
    path: '/api/auth/oidc/sign-in',
    operationId: 'signInWithSso',
    summary: 'Sign in with the authorization code (and PKCE verifier) from the OpenID Connect provider, or with its ID token; get a bearer token',
    public: true,
    request: body(sso.ssoSignInRequest),
    ok: { 200: json(c.signInResponse, 'Signed in') },
    errors: { 401: 'The provider did not accept the sign-in, or the token is expired, from another issuer or for another application', 403: 'The role claim maps to no role', 404: 'Single sign-on is not set up', 413: ERRORS[413] },
  });
  route({
    method: 'get',
    path: '/api/workbooks',
    operationId: 'listWorkbooks',
    role: 'viewer',
    summary: 'Workbook kinds and their columns',
    ok: { 200: json(c.workbooksResponse, 'Workbook definitions') },
  });
  route({
    method: 'get',
    path: '/api/workbooks/{kind}/rows',
    operationId: 'getRows',
    role: 'viewer',
    summary: 'Rows effective on a date (or of a batch), paged, with lists of values; narrowed by `filter` for kinds whose definition has one',
    request: { params: c.kindParams, query: c.rowsQuery },
    ok: { 200: json(c.rowsResponse, 'A page of rows') },
    errors: { 404: 'No such workbook, or nothing matches the filter (e.g. no such batch)' },
  });
  route({
    method: 'post',
    path: '/api/workbooks/{kind}/uploads',
    operationId: 'uploadRows',
    role: 'editor',
    summary: 'Upload one chunk of changed rows (idempotent per key)',
    request: { params: c.kindParams, ...body(c.uploadRequest) },
    ok: { 200: json(c.uploadResponse, 'One result per row') },
    errors: {
      404: 'No such workbook',
      405: 'The workbook is read-only (its definition has readOnly): nothing can be uploaded to it',
      409: 'The idempotency key was used for another chunk, or the batch is being processed',
      413: ERRORS[413],
    },
  });
  route({
    method: 'get',
    path: '/api/workbooks/{kind}/batches',
    operationId: 'listBatches',
    role: 'viewer',
    summary: 'The existing batches of a batch kind, newest first: name, lines, last run and lines by status',
    request: { params: c.kindParams },
    ok: { 200: json(c.batchListResponse, 'The batches') },
    errors: { 404: 'No such workbook, or it has no batches' },
  });
  route({
    method: 'post',
    path: '/api/workbooks/{kind}/check',
    operationId: 'checkRows',
    role: 'editor',
    summary: 'Check a chunk of changed rows (a dry run): every rule and look-up runs as in an upload, nothing is written',
    request: { params: c.kindParams, ...body(c.checkRequest) },
    ok: { 200: json(c.checkResponse, 'The status an upload would give each row') },
    errors: { 404: 'No such workbook', 405: 'The workbook is read-only: nothing in it can be uploaded or checked', 409: 'The batch is being processed', 413: ERRORS[413] },
  });
  const batchPath = '/api/workbooks/{kind}/batches/{batchName}';
  route({
    method: 'post',
    path: `${batchPath}/jobs`,
    operationId: 'startBatchJob',
    role: 'batch-processor',
    summary: 'Start a run of the batch process (or answer the run already started with this key, or still going)',
    request: { params: c.batchParams, ...body(c.startBatchJobRequest) },
    ok: { 202: json(c.batchJob, 'Run started'), 200: json(c.batchJob, 'The run already started') },
    errors: { 404: 'No such batch', 409: 'The idempotency key was used for another batch', 413: ERRORS[413] },
  });
  route({
    method: 'get',
    path: `${batchPath}/jobs/{jobId}`,
    operationId: 'getBatchJob',
    role: 'viewer',
    summary: 'Progress of a run: lines done of total, complete and with errors',
    request: { params: c.jobParams },
    ok: { 200: json(c.batchJob, 'The run') },
    errors: { 404: 'No such run' },
  });
  route({
    method: 'post',
    path: `${batchPath}/jobs/{jobId}/cancel`,
    operationId: 'cancelBatchJob',
    role: 'batch-processor',
    summary: 'Cancel a run: it stops after the unit (group of participants) in flight and ends as cancelled; lines not reached stay as they were, and a new run continues with them. A finished run is answered as it is',
    request: { params: c.jobParams },
    ok: { 200: json(c.batchJob, 'The run, cancelled or asked to stop') },
    errors: { 404: 'No such run' },
  });
  route({
    method: 'get',
    path: `${batchPath}/audit-log`,
    operationId: 'getAuditLog',
    role: 'viewer',
    summary: "Every line's error and information messages, for batches uploaded with Audit Log = Yes",
    request: { params: c.batchParams },
    ok: { 200: json(c.auditLogResponse, 'The audit log') },
    errors: { 404: 'No such batch' },
  });
  const lifeEventPath = `${batchPath}/lines/{lineId}/life-event`;
  route({
    method: 'get',
    path: lifeEventPath,
    operationId: 'getLineLifeEvent',
    role: 'viewer',
    summary: 'The potential life event a batch line processed: person, status, the batch lines of it and what it holds',
    request: { params: c.lineParams },
    ok: { 200: json(c.batchLifeEvent, 'The life event') },
    errors: { 404: 'No such batch or line' },
  });
  route({
    method: 'post',
    path: `${lifeEventPath}/back-out`,
    operationId: 'backOutLifeEvent',
    role: 'batch-processor',
    summary:
      'Back out the life event (status Voided): remove its enrollments and designations, give earlier enrollments they had ended their end back, mark its lines BACKED OUT. A second back-out answers alreadyBackedOut.',
    request: { params: c.lineParams },
    ok: { 200: json(c.backOutResponse, 'Backed out (or already was)') },
    errors: { 404: 'No such batch, line or life event', 409: 'A run of the batch is going, or a later life event must be backed out first' },
  });
  route({
    method: 'delete',
    path: lifeEventPath,
    operationId: 'deleteVoidedLifeEvent',
    role: 'batch-processor',
    summary: 'Delete the voided potential life event, so that corrected lines can create it again',
    request: { params: c.lineParams },
    ok: { 200: json(c.deleteLifeEventResponse, 'Deleted') },
    errors: { 404: 'No such batch, line or life event', 409: 'The life event is not voided, or a run of the batch is going' },
  });
  route({
    method: 'get',
    path: '/api/change-history',
    operationId: 'listChangeHistory',
    role: 'administrator',
    summary: 'Administrators: the audit trail of every change (upload, delete, batch process, back-out), newest first, filtered by person, user, workbook and dates',
    request: { query: history.changeHistoryQuery },
    ok: { 200: json(history.changeHistoryResponse, 'A page of changes') },
  });
  route({
    method: 'get',
    path: '/api/change-history.csv',
    operationId: 'downloadChangeHistoryCsv',
    role: 'administrator',
    summary: 'Administrators: the same changes as CSV (one row per changed column)',
    request: { query: history.changeHistoryQuery },
    ok: { 200: { description: 'The changes, as CSV', content: { 'text/csv': { schema: z.string() } } } },
  });
  documentRateChangeRoutes({ route, json, body });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Benefits Workbook API',
      version: '1.0.0',
      description: 'The API behind the Benefits Workbook Excel add-in. Sign in with POST /api/auth/sign-in, then send `Authorization: Bearer <token>`.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    // The API is served from the same origin as the add-in, whatever it is (README, Deploying).
    servers: [{ url: '/', description: 'The origin that serves the add-in' }],
  });
}
