/** Who a change or a read is for, as the engine passes it down: the user, their population and the request it came with. */
import type { Request, Response } from 'express';
import { authOf } from '../auth/roles';
import { populationOf, type Population } from './population';

export interface Actor {
  username: string;
  population: Population;
  /** The request id of the HTTP request (an upload's idempotency key replaces it in the audit trail). */
  requestId: string;
}

export function actorOf(req: Request, res: Response): Actor {
  const auth = authOf(req);
  return { username: auth.username, population: populationOf(auth.dataAccess), requestId: String(res.locals.requestId) };
}
