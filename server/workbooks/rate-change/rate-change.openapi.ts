/** The rate change's operations in the OpenAPI document (server/openapi.ts calls this with its own route helpers). */
import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import * as rc from '../../../src/contract/rate-change';
import type { Role } from '../../../src/contract/roles';

type Answer = RouteConfig['responses'][string];
export interface DocHelpers {
  route(config: Omit<RouteConfig, 'responses' | 'security'> & { operationId: string; role: Role; ok: RouteConfig['responses']; errors?: Partial<Record<400 | 404 | 409, string>> }): void;
  json(schema: z.ZodType, description: string): Answer;
  body(schema: z.ZodType): Pick<NonNullable<RouteConfig['request']>, 'body'>;
}

export function documentRateChangeRoutes({ route, json, body }: DocHelpers): void {
  route({
    method: 'get',
    path: '/api/rate-changes/choices',
    operationId: 'getRateChangeChoices',
    role: 'batch-processor',
    summary: 'Global Benefit Rate Change: the employee groups (person benefit groups in effect on the date) and the benefits to choose from',
    request: { query: rc.rateChangeChoicesQuery },
    ok: { 200: json(rc.rateChangeChoices, 'What can be chosen') },
  });
  route({
    method: 'post',
    path: '/api/rate-changes/previews',
    operationId: 'previewRateChange',
    role: 'batch-processor',
    summary: 'Preview what a new rate starting on a date does to each selected employee benefit record (seed scenarios 1 to 5), of the caller’s population; nothing is changed',
    request: body(rc.rateChangeCriteria),
    ok: { 201: json(rc.rateChangePreview, 'The preview, with its totals per scenario and the sheet to download it into') },
    errors: { 400: 'A criterion names an employee group, person or benefit that does not exist (the message names it)' },
  });
  route({
    method: 'post',
    path: '/api/rate-changes/previews/{previewId}/runs',
    operationId: 'runRateChange',
    role: 'batch-processor',
    summary: 'Run exactly the preview, as a leased job (idempotent per key; a preview already run answers its run). Payroll deductions are not touched.',
    request: { params: rc.previewParams, ...body(rc.startRateChangeRequest) },
    ok: { 200: json(rc.rateChangeRun, 'The run already started for this key or preview'), 202: json(rc.rateChangeRun, 'Started') },
    errors: { 404: 'No such preview of yours', 409: 'The records or rates changed since the preview (preview again), or another rate change is running' },
  });
  route({
    method: 'get',
    path: '/api/rate-changes/runs/{runId}',
    operationId: 'getRateChangeRun',
    role: 'batch-processor',
    summary: 'A rate change run: its progress, totals per scenario and the payroll note',
    request: { params: rc.runParams },
    ok: { 200: json(rc.rateChangeRun, 'The run') },
    errors: { 404: 'No such run of yours' },
  });
}
