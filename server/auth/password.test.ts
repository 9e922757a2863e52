/** Password hashing is off the event loop: other work goes on while sign-ins are hashed. */
import { hashPassword, verifyPassword } from './password';

// 30 scrypt hashes take seconds on a busy machine; the assertion is about order, not time.
jest.setTimeout(60000);

describe('password hashes', () => {
  it('when a password is hashed, then the right one verifies and a wrong one does not', async () => {
    const stored = await hashPassword('a long pass phrase');
    expect(stored).toMatch(/^scrypt:[0-9a-f]{32}:[0-9a-f]{64}$/);
    expect(await verifyPassword('a long pass phrase', stored)).toBe(true);
    expect(await verifyPassword('a long pass phrasE', stored)).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
  });

  it('when 30 passwords are checked at once, then the event loop turns before they are done (hashing runs on the thread pool)', async () => {
    const stored = await hashPassword('a long pass phrase');
    let done = 0;
    const checks = Array.from({ length: 30 }, () => verifyPassword('a long pass phrase', stored).then(() => done++));
    // Synchronous scrypt would finish all 30 before this callback could run.
    const doneWhenLoopTurned = await new Promise<number>((resolve) => setImmediate(() => resolve(done)));
    expect(doneWhenLoopTurned).toBeLessThan(30);
    await Promise.all(checks);
    expect(done).toBe(30);
  });
});
