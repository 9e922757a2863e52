/** The list of existing batches the pane offers on Prepare: name, lines, last run and lines by status. */
import { createHarness, type Harness } from '../../test-support/api-harness';
import { dialects } from '../../test-support/databases';
import { batchClient, enrollment, KIND } from './test-batches';

jest.setTimeout(180000);

describe.each(dialects)('the list of batches on %s', (dialect) => {
  let h: Harness;
  let b: ReturnType<typeof batchClient>;
  beforeAll(async () => {
    h = await createHarness(dialect, 10);
    b = batchClient(h);
  });
  afterAll(() => h.close());

  it('when no batch exists, then the list is empty', async () => {
    expect((await h.get(`/api/workbooks/${KIND}/batches`).expect(200)).body).toEqual({ batches: [] });
  });

  it('when batches were uploaded and one processed, then each is listed newest first with its lines, last run and status counts', async () => {
    await b.insert('Spring hires', [enrollment('P10001'), enrollment('P10002', { planName: 'No such plan' })]);
    await b.insert('Open enrollment', [enrollment('P10003')]);
    await b.process('Spring hires');

    const { batches } = (await h.get(`/api/workbooks/${KIND}/batches`).expect(200)).body;

    expect(batches).toEqual([
      { batchName: 'Open enrollment', lines: 1, lastRun: null, statusCounts: { NEW: 1 } },
      { batchName: 'Spring hires', lines: 1, lastRun: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), statusCounts: { COMPLETE: 1 } },
    ]);
  });

  it('when the kind has no batches, then the answer is 404 with a plain message', async () => {
    const res = await h.get('/api/workbooks/person-benefit-groups/batches').expect(404);
    expect(res.body.error.message).toContain('has no batches');
  });
});
