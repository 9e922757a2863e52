/**
 * Global Benefit Rate Change (seed: nVision "Global Benefit Rate Change"): its HTTP contract. A separate module like
 * change-history.ts (api.ts is past its size limit); the server parses with these and the OpenAPI document uses them.
 */
import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { isoDate } from './api';

extendZodWithOpenApi(z);

const name = z.string().trim().min(1).max(200).regex(/^[^\p{Cc}]*$/u, 'No line breaks, tabs or other control characters');
/** seed: each criterion is All, or a Selection of one or more. */
const allOr = <T extends z.ZodType>(item: T) => z.union([z.literal('All'), z.array(item).min(1).max(10000)]);

export const rateChangeCriteria = z
  .object({
    /** The person benefit groups (Executives, Hourly Employees…) whose employees are included. */
    employeeGroups: allOr(name),
    /** Person numbers. */
    employees: allOr(name),
    /** Benefit IDs. */
    benefits: allOr(z.number().int().positive()),
    /** seed: "Start Date for New Rate": the rates in effect on this date are the new rates. */
    newRateStart: isoDate,
  })
  .openapi('RateChangeCriteria');
export type RateChangeCriteria = z.infer<typeof rateChangeCriteria>;

export const rateChangeChoicesQuery = z.object({ effectiveDate: isoDate });
export const rateChangeChoices = z
  .object({
    employeeGroups: z.array(z.string()),
    benefits: z.array(z.object({ id: z.number().int(), name: z.string() })),
  })
  .openapi('RateChangeChoices');
export type RateChangeChoices = z.infer<typeof rateChangeChoices>;

export const scenarioNumber = z.number().int().min(1).max(5);
export const scenarioTotal = z.object({
  scenario: scenarioNumber,
  words: z.string(),
  /** Records in the scenario. */
  records: z.number().int(),
  /** Of those, records the run changed (or, in a preview, will change). */
  changed: z.number().int(),
});
export type ScenarioTotal = z.infer<typeof scenarioTotal>;

export const rateChangePreview = z
  .object({
    previewId: z.number().int(),
    newRateStart: isoDate,
    /** Records the preview covers (of the user's population only). */
    total: z.number().int(),
    byScenario: z.array(scenarioTotal),
    /** The read-only sheet to download it into: kind, with the preview id as its filter. */
    sheet: z.object({ kind: z.string(), filter: z.string() }),
  })
  .openapi('RateChangePreview');
export type RateChangePreview = z.infer<typeof rateChangePreview>;

export const previewParams = z.object({ previewId: z.coerce.number().int().positive() });
export const runParams = z.object({ runId: z.coerce.number().int().positive() });
export const startRateChangeRequest = z.object({ idempotencyKey: z.uuid() }).openapi('StartRateChangeRequest');

export const rateChangeRun = z
  .object({
    runId: z.number().int(),
    previewId: z.number().int(),
    newRateStart: isoDate,
    status: z.enum(['queued', 'running', 'completed', 'failed']),
    total: z.number().int(),
    done: z.number().int(),
    /** Records changed so far (scenarios 1 and 2). */
    changed: z.number().int(),
    byScenario: z.array(scenarioTotal),
    /** What went wrong, or what there was to do. */
    message: z.string().nullable(),
    /** seed: the rate change does not touch payroll deductions; said in every result. */
    payroll: z.string(),
  })
  .openapi('RateChangeRun');
export type RateChangeRun = z.infer<typeof rateChangeRun>;
