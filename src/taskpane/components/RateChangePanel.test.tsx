/** @jest-environment jsdom */
import { randomUUID } from 'node:crypto';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ApiClient } from '../../api/api-client';
import type { RateChangePreview, RateChangeRun, ScenarioTotal } from '../../contract/rate-change';
import { engineStub, sheetInfo, show } from '../test-support';
import { RateChangePanel } from './RateChangePanel';

// jsdom's crypto has no randomUUID (the pane's browsers do): Node's fills that gap, as test-support does for ResizeObserver.
if (typeof globalThis.crypto.randomUUID !== 'function') Object.defineProperty(globalThis.crypto, 'randomUUID', { value: randomUUID });

const DATE = '2027-01-01';
const PAYROLL = 'Payroll deductions are not changed by a rate change.';
const totals = (changed: number[]): ScenarioTotal[] => changed.map((c, i) => ({ scenario: i + 1, words: '', records: 1, changed: c }));
const preview: RateChangePreview = { previewId: 5, newRateStart: DATE, total: 5, byScenario: totals([1, 1, 0, 0, 0]), sheet: { kind: 'rate-change-preview', filter: '5' } };
const done: RateChangeRun = { runId: 9, previewId: 5, newRateStart: DATE, status: 'completed', total: 5, done: 5, changed: 2, byScenario: totals([1, 1, 0, 0, 0]), message: null, payroll: PAYROLL };

function apiStub(overrides: Partial<ApiClient> = {}) {
  return {
    rateChangeChoices: jest.fn(async () => ({ employeeGroups: ['Executives'], benefits: [{ id: 5, name: 'Health - BLUE SHIELD-20%' }] })),
    previewRateChange: jest.fn(async () => preview),
    runRateChange: jest.fn(async () => done),
    rateChangeRun: jest.fn(async () => done),
    ...overrides,
  } as unknown as jest.Mocked<ApiClient>;
}

describe('the Global Benefit Rate Change panel', () => {
  it('when the rate change is previewed and run, then the preview sheet is prepared, exactly that preview is run, the sheet is downloaded again and the outcome is said', async () => {
    const api = apiStub();
    const engine = engineStub({ prepare: async () => ({ ...sheetInfo, sheet: 'Rate Change Preview', kind: 'rate-change-preview' }) });
    show(<RateChangePanel api={api} engine={engine} busy={false} />);
    expect((screen.getByRole('button', { name: 'Run rate change' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/Start Date for New Rate/), { target: { value: DATE } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview rate change' }));
    await screen.findByText(/^Preview 5: 5 records selected; a run will change 2 records as of 2027-01-01\./);
    expect(api.previewRateChange).toHaveBeenCalledWith({ employeeGroups: 'All', employees: 'All', benefits: 'All', newRateStart: DATE });
    expect(engine.prepare).toHaveBeenCalledWith('rate-change-preview', { effectiveDate: DATE, filter: '5' }, expect.any(Function));

    fireEvent.click(screen.getByRole('button', { name: 'Run rate change' }));
    await screen.findByText(/^Rate change done: 2 records changed of 5 records\./);
    expect(api.runRateChange).toHaveBeenCalledWith(5, expect.any(String));
    expect(engine.refresh).toHaveBeenCalledWith('Rate Change Preview', expect.any(Function));
    expect(screen.getByText(PAYROLL)).toBeTruthy();
    expect(screen.getByText('Scenario 1: 1 record, 1 changed.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Run rate change' }) as HTMLButtonElement).disabled).toBe(true); // run once per preview
  });

  it('when the preview fails, then the pane says why and Run is not offered', async () => {
    const api = apiStub({ previewRateChange: jest.fn(async () => Promise.reject(new Error('Employee(s): "P99999" is not an employee you can see.'))) });
    const engine = engineStub();
    show(<RateChangePanel api={api} engine={engine} busy={false} />);
    fireEvent.change(screen.getByLabelText(/Start Date for New Rate/), { target: { value: DATE } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview rate change' }));
    await screen.findByText(/"P99999" is not an employee you can see\./);
    expect(engine.prepare).not.toHaveBeenCalled();
    await waitFor(() => expect((screen.getByRole('button', { name: 'Run rate change' }) as HTMLButtonElement).disabled).toBe(true));
  });
});
