/** The pane's one HTTP client: typed by the shared contract, plain-language errors, safe retries of uploads. */
import axios, { AxiosError, type AxiosInstance } from 'axios';
import {
  rowsResponse,
  signInResponse,
  uploadResponse,
  workbooksResponse,
  type ErrorResponse,
  type RowsResponse,
  type SignInResponse,
  type UploadRequest,
  type UploadResponse,
  type WorkbookDefinition,
} from '../contract/api';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClient {
  signIn(username: string, password: string): Promise<SignInResponse>;
  workbooks(): Promise<WorkbookDefinition[]>;
  rows(kind: string, effectiveDate: string, offset: number, limit: number): Promise<RowsResponse>;
  /** Sends one chunk; on a dropped connection or a server hiccup it sends the same chunk, same key, again. */
  upload(kind: string, request: UploadRequest): Promise<UploadResponse>;
}

export interface ApiClientOptions {
  baseURL: string;
  getToken: () => string | undefined;
  /** Retries of an upload chunk after a network failure (each with the same idempotency key). */
  retries?: number;
  retryDelayMs?: number;
  timeoutMs?: number;
}

function plainMessage(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const e = error as AxiosError<ErrorResponse>;
  const status = e.response?.status;
  if (!e.response) return new ApiError('Cannot reach the Benefits Workbook server. Check your connection and try again.');
  if (status === 401) return new ApiError(e.response.data?.error?.message ?? 'Your session has ended. Sign in again.', 401);
  const body = e.response.data?.error;
  if (body?.issues?.length) return new ApiError(body.issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`).join(' '), status);
  return new ApiError(body?.message ?? `The server answered with an error (${status}). Try again.`, status);
}

function retryable(error: unknown): boolean {
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
  const call = async <T>(run: () => Promise<{ data: unknown }>, parse: (data: unknown) => T): Promise<T> => {
    try {
      return parse((await run()).data);
    } catch (error) {
      throw plainMessage(error);
    }
  };
  return {
    signIn: (username, password) => call(() => http.post('/api/auth/sign-in', { username, password }), (d) => signInResponse.parse(d)),
    workbooks: () => call(() => http.get('/api/workbooks'), (d) => workbooksResponse.parse(d).workbooks),
    rows: (kind, effectiveDate, offset, limit) =>
      call(() => http.get(`/api/workbooks/${encodeURIComponent(kind)}/rows`, { params: { effectiveDate, offset, limit } }), (d) => rowsResponse.parse(d)),
    async upload(kind, request) {
      const retries = options.retries ?? 4;
      for (let attempt = 0; ; attempt++) {
        try {
          const response = await http.post(`/api/workbooks/${encodeURIComponent(kind)}/uploads`, request);
          return uploadResponse.parse(response.data);
        } catch (error) {
          if (attempt >= retries || !retryable(error)) throw plainMessage(error);
          await new Promise((resolve) => setTimeout(resolve, (options.retryDelayMs ?? 500) * 2 ** attempt));
        }
      }
    },
  };
}
