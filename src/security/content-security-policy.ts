/**
 * The site's Content-Security-Policy: scripts and everything else only from
 * the site itself, no inline scripts and no eval. Inline styles are allowed
 * because the page's palette and xterm.js's renderer set style attributes and
 * elements at run time. Shipped twice from this one definition: as a
 * <meta http-equiv> in every page (works on any static host) and in
 * public/_headers for hosts that honour that file (a test keeps them equal).
 * frame-ancestors is left out on purpose so that docs can embed a demo.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
