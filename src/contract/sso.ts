/** Single sign-on's HTTP contract: what the pane needs to start the sign-in, and what it sends back. */
import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';

extendZodWithOpenApi(z);

export const ssoConfigResponse = z
  .discriminatedUnion('enabled', [
    z.object({ enabled: z.literal(false) }),
    z.object({
      enabled: z.literal(true),
      /** The provider's authorization endpoint (from its discovery document). */
      authorizationEndpoint: z.string(),
      clientId: z.string(),
      scope: z.string(),
      /** A label for the button: "Sign in with your organisation account". */
      label: z.string(),
    }),
  ])
  .openapi('SsoConfigResponse');
export type SsoConfigResponse = z.infer<typeof ssoConfigResponse>;

const token = z.string().min(1).max(20000);

export const ssoSignInRequest = z
  .union([
    /** The authorization code the dialog received, with its PKCE verifier: the server redeems it at the provider. */
    z.object({ code: token, codeVerifier: z.string().min(43).max(128), redirectUri: z.url().max(2000), nonce: z.string().min(1).max(200) }),
    /** An ID token the client redeemed itself (a provider that only lets the browser redeem codes). */
    z.object({ idToken: token, nonce: z.string().min(1).max(200).optional() }),
  ])
  .openapi('SsoSignInRequest');
export type SsoSignInRequest = z.infer<typeof ssoSignInRequest>;
