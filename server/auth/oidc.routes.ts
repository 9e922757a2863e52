/** Single sign-on routes (public: they are how a user signs in). Without OIDC settings, config says disabled. */
import { Router } from 'express';
import { ssoSignInRequest, type SsoConfigResponse } from '../../src/contract/sso';
import { AppError } from '../errors/app-error';
import type { OidcService } from './oidc.service';

export function oidcRoutes(service: OidcService | undefined): Router {
  const router = Router();
  router.get('/api/auth/oidc/config', async (_req, res) => {
    const body: SsoConfigResponse = service ? await service.clientConfig() : { enabled: false };
    res.json(body);
  });
  router.post('/api/auth/oidc/sign-in', async (req, res) => {
    if (!service) throw new AppError('not_found', 'Single sign-on is not set up on this server. Sign in with your user name and password.');
    res.json(await service.signIn(ssoSignInRequest.parse(req.body)));
  });
  return router;
}
