// Security headers on every response (pages, API, docs, errors) through @fastify/helmet. The
// Content-Security-Policy is the second line against XSS: even if a chart or page one day renders a
// user's text as HTML, no inline script or event handler (onerror=…) can run.
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

/** The policy; `secure` (OPENKAM_COOKIE_SECURE: served over HTTPS) adds upgrade-insecure-requests. */
export function contentSecurityPolicy(secure: boolean): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    // The Vite bundle is external module scripts only: no inline script, no eval.
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    // antd, ECharts' tooltips and FullCalendar inject <style> elements and style attributes at runtime.
    styleSrc: ["'self'", "'unsafe-inline'"],
    // data: for the favicon in index.html and antd's and Swagger UI's inline SVG images.
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    // Over plain HTTP (an intranet address) this would send every asset request to https:// and break the app.
    ...(secure ? { upgradeInsecureRequests: [] } : {}),
  };
}

export const securityPlugin = fp<{ secure: boolean }>(async (app, opts) => {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(opts.secure) },
    xFrameOptions: { action: 'deny' },
    // A link to another site tells it our origin at most, never a page's path (record ids).
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // HSTS only when the deployment says it is behind HTTPS; on plain HTTP it would pin browsers to https.
    strictTransportSecurity: opts.secure ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
});
