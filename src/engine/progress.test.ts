import type { Progress } from './engine-types';
import { progressText, timeLeftText, withTimeLeft } from './progress';

describe('progress with time left', () => {
  it('when the first chunks of a phase are done, then an estimate of the time left follows from their pace, and not before', () => {
    const seen: Progress[] = [];
    let now = 0;
    const report = withTimeLeft((p) => seen.push(p), () => now);
    report({ phase: 'Uploading rows', done: 0, total: 10000 });
    now = 10000;
    report({ phase: 'Uploading rows', done: 2000, total: 10000 }); // one chunk: too soon to say
    now = 20000;
    report({ phase: 'Uploading rows', done: 4000, total: 10000 }); // 4,000 rows in 20 s: 6,000 left take 30 s
    expect(seen.map((p) => p.secondsLeft)).toEqual([undefined, undefined, 30]);
  });

  it('when a new phase starts, then its estimate starts again from its own pace', () => {
    const seen: Progress[] = [];
    let now = 0;
    const report = withTimeLeft((p) => seen.push(p), () => now);
    for (const done of [0, 50, 100]) {
      now += 1000;
      report({ phase: 'Finding changed rows', done, total: 100 });
    }
    report({ phase: 'Uploading rows', done: 0, total: 10 });
    expect(seen[seen.length - 1].secondsLeft).toBeUndefined();
  });

  it('when progress is shown, then it says rows done of total and the time left in plain words', () => {
    expect(progressText({ phase: 'Uploading rows', done: 2000, total: 5400, secondsLeft: 130 }, 'en-US')).toBe('Uploading rows: 2,000 of 5,400 rows, about 2 minutes left');
    expect(progressText({ phase: 'Asking the server for the rows', done: 0, total: 0 })).toBe('Asking the server for the rows');
    expect([5, 40, 61, 3600 * 2].map(timeLeftText)).toEqual(['a few seconds left', 'less than a minute left', 'about 1 minute left', 'about 2 hours left']);
  });
});
