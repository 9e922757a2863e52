/** The pane's one HTTP client: typed by the shared contract, plain-language errors, safe retries of uploads. */
import axios, { type AxiosError, type AxiosInstance } from 'axios';
import { ZodError, type z } from 'zod';
import {
  auditLogResponse,
  backOutResponse,
  batchJob,
  batchLifeEvent,
  batchListResponse,
  checkResponse,
  deleteLifeEventResponse,
  errorResponse,
  healthResponse,
  messageResponse,
  rowsResponse,
  signInResponse,
  uploadResponse,
  workbooksResponse,
  type AuditLogEntry,
  type BackOutResponse,
  type BatchJob,
  type BatchLifeEvent,
  type BatchSummary,
  type CheckRequest,
  type CheckResponse,
  type DeleteLifeEventResponse,
  type RowsResponse,
  type SignInResponse,
  type StartBatchJobRequest,
  type UploadRequest,
  type UploadResponse,
  type WorkbookDefinition,
} from '../contract/api';
import { searchParams, type RowSearch } from '../contract/row-search';
import { ssoConfigResponse, type SsoConfigResponse, type SsoSignInRequest } from '../contract/sso';
import { rateChangeChoices, rateChangePreview, rateChangeRun, type RateChangeChoices, type RateChangeCriteria, type RateChangePreview, type RateChangeRun } from '../contract/rate-change';

export const SESSION_ENDED = 'Your session has ended. Sign in again.';
export const SERVER_UNREACHABLE = 'Cannot reach the Benefits Workbook server. Check your connection and try again.';

export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status, when the server answered. */
    readonly status?: number,
    /** The server's error code ("validation", "conflict"…), when it sent one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Health = z.infer<typeof healthResponse>;

export interface ApiClient {
  signIn(username: string, password: string): Promise<SignInResponse>;
  /** Ends the session on the server: the token stops working. */
  signOut(): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<string>;
  /** Single sign-on: whether it is set up, and signing in with what the dialog brought back. */
  ssoConfig(): Promise<SsoConfigResponse>;
  ssoSignIn(request: SsoSignInRequest): Promise<SignInResponse>;
  health(): Promise<Health>;
  workbooks(): Promise<WorkbookDefinition[]>;
  /** A page of rows: effective-dated kinds by date, batch kinds by batch name (none: no rows, only the lists). */
  /** `after`: the page before's `nextCursor` (keyset paging); undefined for the first page, which alone carries the total. */
  rows(kind: string, scope: RowsScope, after: string | undefined, limit: number): Promise<RowsResponse>;
  /** Sends one chunk; on a dropped connection, a timeout or a server hiccup it sends the same chunk, same key, again. */
  upload(kind: string, request: UploadRequest): Promise<UploadResponse>;
  /** Checks one chunk in a dry run (nothing is written, so it is safe to resend). */
  check(kind: string, request: CheckRequest): Promise<CheckResponse>;
  /** Starts a run of the batch process (or answers the one already running); retried with the same key, it starts one run only. */
  startBatchJob(kind: string, batchName: string, request: StartBatchJobRequest): Promise<BatchJob>;
  batchJob(kind: string, batchName: string, jobId: number): Promise<BatchJob>;
  /** Asks the run to stop after the unit in flight (resent, it answers the run as it is). */
  cancelBatchJob(kind: string, batchName: string, jobId: number): Promise<BatchJob>;
  auditLog(kind: string, batchName: string): Promise<AuditLogEntry[]>;
  /** The existing batches of a batch kind, newest first. */
  batches(kind: string): Promise<BatchSummary[]>;
  /** The potential life event a batch line (by Batch Line ID) processed. */
  lifeEvent(kind: string, batchName: string, lineId: number): Promise<BatchLifeEvent>;
  /** Backs the line's life event out; resent, it answers that it already was. */
  backOutLifeEvent(kind: string, batchName: string, lineId: number): Promise<BackOutResponse>;
  /** Deletes the line's voided life event (sent once: a resent delete would answer that there is none). */
  deleteLifeEvent(kind: string, batchName: string, lineId: number): Promise<DeleteLifeEventResponse>;
  /** Global Benefit Rate Change: what to choose from, preview (nothing changes), run the preview (same key: same run), poll. */
  rateChangeChoices(effectiveDate: string): Promise<RateChangeChoices>;
  previewRateChange(criteria: RateChangeCriteria): Promise<RateChangePreview>;
  runRateChange(previewId: number, idempotencyKey: string): Promise<RateChangeRun>;
  rateChangeRun(runId: number): Promise<RateChangeRun>;
}

/** What a page of rows is of: a session effective date or a batch. */
export interface RowsScope {
  effectiveDate?: string;
  batchName?: string;
  /** Kinds whose definition has a filter: its value. */
  filter?: string;
  /** Search before download: only these rows. */
  search?: RowSearch;
}

export interface ApiClientOptions {
  baseURL: string;
  getToken: () => string | undefined;
  /** Further attempts after a failure that may be temporary (each upload attempt with the same idempotency key). */
  retries?: number;
  /** First wait before a retry; it doubles each time, up to 10 seconds. */
  retryDelayMs?: number;
  timeoutMs?: number;
}

/** Any failure → one ApiError whose message a person can act on. */
export function toApiError(error: unknown, { signIn = false }: { signIn?: boolean } = {}): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) return new ApiError('The server answered in a form this version of the add-in does not understand. Reload the add-in.');
  const e = error as AxiosError;
  if (!e.isAxiosError) return new ApiError(error instanceof Error ? error.message : String(error));
  if (!e.response) return new ApiError(e.code === 'ECONNABORTED' || e.code === 'ETIMEDOUT' ? 'The Benefits Workbook server took too long to answer. Try again.' : SERVER_UNREACHABLE);
  const status = e.response.status;
  const parsed = errorResponse.safeParse(e.response.data);
  const body = parsed.success ? parsed.data.error : undefined;
  // A refused sign-in is not an ended session: the server's words say what was wrong.
  if (status === 401) return new ApiError(signIn && body?.message ? body.message : SESSION_ENDED, 401, body?.code);
  if (body?.issues?.length) return new ApiError(body.issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`).join(' '), status, body.code);
  return new ApiError(body?.message ?? `The server answered with an error (${status}). Try again.`, status, body?.code);
}

/** Worth another attempt: no answer at all (connection dropped, timeout) or a temporary server failure. */
function temporary(error: unknown): boolean {
  const e = error as AxiosError;
  if (!e.isAxiosError) return false;
  const status = e.response?.status;
  return status === undefined || status >= 500 || status === 408 || status === 429;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const http: AxiosInstance = axios.create({ baseURL: options.baseURL, timeout: options.timeoutMs ?? 120000 });
  http.interceptors.request.use((config) => {
    const token = options.getToken();
    if (token) config.headers.set('Authorization', `Bearer ${token}`);
    return config;
  });
  const retries = options.retries ?? 4;
  const wait = (attempt: number) => {
    const base = Math.min(10000, (options.retryDelayMs ?? 500) * 2 ** attempt);
    return new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * (base / 2)));
  };

  /** One request, retried while the failure looks temporary; `retry` false for requests that must not repeat. */
  async function call<T>(send: () => Promise<{ data: unknown }>, parse: (data: unknown) => T, retry = true, signIn = false): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return parse((await send()).data);
      } catch (error) {
        if (!retry || attempt >= retries || !temporary(error)) throw toApiError(error, { signIn });
        await wait(attempt);
      }
    }
  }

  const kindPath = (kind: string) => `/api/workbooks/${encodeURIComponent(kind)}`;
  // A batch name is typed by a person: "/", "?" or "#" in it must stay part of the name.
  const batchPath = (kind: string, batchName: string) => `${kindPath(kind)}/batches/${encodeURIComponent(batchName)}`;
  return {
    signIn: (username, password) => call(() => http.post('/api/auth/sign-in', { username, password }), (d) => signInResponse.parse(d), false, true),
    signOut: () => call(() => http.post('/api/auth/sign-out', {}), () => undefined, false),
    changePassword: (currentPassword, newPassword) => call(() => http.post('/api/auth/password', { currentPassword, newPassword }), (d) => messageResponse.parse(d).message, false),
    ssoConfig: () => call(() => http.get('/api/auth/oidc/config'), (d) => ssoConfigResponse.parse(d), false),
    ssoSignIn: (request) => call(() => http.post('/api/auth/oidc/sign-in', request), (d) => signInResponse.parse(d), false),
    health: () => call(() => http.get('/api/health'), (d) => healthResponse.parse(d), false),
    workbooks: () => call(() => http.get('/api/workbooks'), (d) => workbooksResponse.parse(d).workbooks),
    rows: (kind, { effectiveDate, batchName, filter, search }, after, limit) =>
      call(() => http.get(`${kindPath(kind)}/rows`, { params: { effectiveDate, batchName, filter, ...searchParams(search), after, limit } }), (d) => rowsResponse.parse(d)),
    // The request object, and so its idempotency key, is the same on every attempt: the server applies the chunk once.
    upload: (kind, request) => call(() => http.post(`${kindPath(kind)}/uploads`, request), (d) => uploadResponse.parse(d)),
    check: (kind, request) => call(() => http.post(`${kindPath(kind)}/check`, request), (d) => checkResponse.parse(d)),
    // Same here: the key makes a resent start answer the run the first attempt started.
    startBatchJob: (kind, name, request) => call(() => http.post(`${batchPath(kind, name)}/jobs`, request), (d) => batchJob.parse(d)),
    batchJob: (kind, name, jobId) => call(() => http.get(`${batchPath(kind, name)}/jobs/${jobId}`), (d) => batchJob.parse(d)),
    cancelBatchJob: (kind, name, jobId) => call(() => http.post(`${batchPath(kind, name)}/jobs/${jobId}/cancel`, {}), (d) => batchJob.parse(d)),
    batches: (kind) => call(() => http.get(`${kindPath(kind)}/batches`), (d) => batchListResponse.parse(d).batches),
    auditLog: (kind, name) => call(() => http.get(`${batchPath(kind, name)}/audit-log`), (d) => auditLogResponse.parse(d).entries),
    lifeEvent: (kind, name, lineId) => call(() => http.get(`${batchPath(kind, name)}/lines/${lineId}/life-event`), (d) => batchLifeEvent.parse(d)),
    // A back-out is idempotent on the server (a second one answers alreadyBackedOut), so it may be resent.
    backOutLifeEvent: (kind, name, lineId) => call(() => http.post(`${batchPath(kind, name)}/lines/${lineId}/life-event/back-out`, {}), (d) => backOutResponse.parse(d)),
    deleteLifeEvent: (kind, name, lineId) => call(() => http.delete(`${batchPath(kind, name)}/lines/${lineId}/life-event`), (d) => deleteLifeEventResponse.parse(d), false),
    rateChangeChoices: (effectiveDate) => call(() => http.get('/api/rate-changes/choices', { params: { effectiveDate } }), (d) => rateChangeChoices.parse(d)),
    previewRateChange: (criteria) => call(() => http.post('/api/rate-changes/previews', criteria), (d) => rateChangePreview.parse(d), false),
    // The key makes a resent start answer the run the first attempt started.
    runRateChange: (previewId, idempotencyKey) => call(() => http.post(`/api/rate-changes/previews/${previewId}/runs`, { idempotencyKey }), (d) => rateChangeRun.parse(d)),
    rateChangeRun: (runId) => call(() => http.get(`/api/rate-changes/runs/${runId}`), (d) => rateChangeRun.parse(d)),
  };
}
