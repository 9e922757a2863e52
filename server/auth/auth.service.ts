/** Sign-in: check the password, issue a token. Roles (viewer, editor, administrator) will be claims added here. */
import type { Kysely } from 'kysely';
import type { SignInRequest, SignInResponse } from '../../src/contract/api';
import type { Database } from '../db/schema';
import { AppError } from '../errors/app-error';
import { hashPassword, verifyPassword } from './password';
import type { TokenService } from './token.service';
import { findUser } from './users.repository';

// An unknown user name costs the same scrypt as a wrong password, so timing does not tell which user names exist.
const UNKNOWN_USER_HASH = hashPassword('unknown user');

export async function signIn(db: Kysely<Database>, tokens: TokenService, request: SignInRequest): Promise<SignInResponse> {
  const user = await findUser(db, request.username);
  const passwordOk = verifyPassword(request.password, user?.password_hash ?? UNKNOWN_USER_HASH);
  if (!user || !passwordOk) throw new AppError('unauthorized', 'The user name or password is not right.');
  return { token: await tokens.issue(user.username), user: { username: user.username, displayName: user.display_name } };
}
