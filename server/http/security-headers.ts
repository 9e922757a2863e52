/**
 * The HTTP edge: security headers (helmet), CORS for the add-in's own origin only, and no caching of API answers
 * (they carry personal data and tokens).
 */
import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Microsoft's office.js CDN (README, Deploying): production panes load office.js and its locale files from it. */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com';

/**
 * Excel on the web shows the pane in a frame of an Office page, so framing is allowed for Office's own origins
 * (frame-ancestors; X-Frame-Options cannot name several origins and is off).
 */
export const OFFICE_FRAME_ANCESTORS = ["'self'", 'https://*.office.com', 'https://*.officeapps.live.com', 'https://*.sharepoint.com', 'https://*.microsoft365.com', 'https://*.cloud.microsoft'];

export function securityHeaders(): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", OFFICE_JS_CDN],
        'connect-src': ["'self'", OFFICE_JS_CDN],
        // Fluent UI (Griffel) inserts its styles at run time.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'frame-ancestors': OFFICE_FRAME_ANCESTORS,
      },
    },
    xFrameOptions: false,
    // The add-in's icons are shown by Office pages of other origins.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // Office's dialog API (single sign-on) opens a window the pane talks to.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
  });
  // The sign-in dialog page keeps its opener (no COOP): it is opened by Office's page (another origin, Excel on the
  // web) or the pane, and goes to the provider and back; a COOP there would cut it off from whoever waits for its message.
  return (req, res, next) =>
    headers(req, res, (error?: unknown) => {
      if (req.path === '/sso-dialog.html') res.setHeader('Cross-Origin-Opener-Policy', 'unsafe-none');
      next(error);
    });
}

/** CORS only for the add-in's origin (ADDIN_URL); the pane is normally served from the API's own origin and needs none. */
export function corsForAddin(addinOrigin: string | undefined): RequestHandler {
  return cors({ origin: addinOrigin ? [new URL(addinOrigin).origin] : false, allowedHeaders: ['Authorization', 'Content-Type'], maxAge: 600 });
}

export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
