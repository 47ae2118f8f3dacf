/**
 * The strict Content-Security-Policy the production build is served with (QUALITY-BAR R5):
 * no inline or eval'd script, no blob: workers. `vite preview` sends it (vite.config.ts), and the
 * browser tests fail on any violation.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
