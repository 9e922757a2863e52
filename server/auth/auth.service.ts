/** Sign-in, sign-out and change password: the stories behind /api/auth. */
import type { Kysely } from 'kysely';
import type { ChangePasswordRequest, SignInRequest, SignInResponse } from '../../src/contract/api';
import type { Database } from '../db/schema';
import { AppError } from '../errors/app-error';
import { hashPassword, verifyPassword } from './password';
import type { SignInLimiter } from './sign-in-limiter';
import type { Auth, TokenService } from './token.service';
import { findUser, updateUser } from './users.repository';

// An unknown or disabled user name costs the same scrypt as a wrong password, so timing does not tell which exist.
let unknownUserHash: Promise<string> | undefined;
const UNKNOWN_USER_HASH = () => (unknownUserHash ??= hashPassword('unknown user'));

const NOT_RIGHT = 'The user name or password is not right.';

export async function signIn(db: Kysely<Database>, tokens: TokenService, limiter: SignInLimiter, request: SignInRequest, address: string): Promise<SignInResponse> {
  await limiter.check(request.username, address);
  const user = await findUser(db, request.username);
  const passwordOk = await verifyPassword(request.password, user?.password_hash ?? (await UNKNOWN_USER_HASH()));
  // A disabled user is told the same as a wrong password: the answer does not say which accounts exist.
  if (!user || !passwordOk || user.disabled) {
    await limiter.failed(request.username, address);
    throw new AppError('unauthorized', NOT_RIGHT);
  }
  await limiter.succeeded(request.username);
  return { token: await tokens.issue(user.username), user: { username: user.username, displayName: user.display_name, role: user.role } };
}

/** The current password proves it is the user; every other session of theirs ends. */
export async function changePassword(db: Kysely<Database>, tokens: TokenService, auth: Auth, currentToken: string, request: ChangePasswordRequest): Promise<void> {
  const user = await findUser(db, auth.username);
  if (!user || !(await verifyPassword(request.currentPassword, user.password_hash))) {
    throw new AppError('bad_request', 'Your current password is not right. Type it again.');
  }
  if (request.newPassword === request.currentPassword) throw new AppError('bad_request', 'The new password is the same as the current one. Choose another.');
  await updateUser(db, auth.username, { password_hash: await hashPassword(request.newPassword) });
  await tokens.revokeAll(auth.username, currentToken);
}
