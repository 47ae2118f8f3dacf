/**
 * The strict Content-Security-Policy the production build is served with (QUALITY-BAR R5):
 * no inline or eval'd script, no blob: workers. `vite preview` sends it (vite.config.ts), and the
 * browser tests fail on any violation.
 *
 * Images and connections may go to the origin and to the online basemap providers the app offers
 * (and to nothing else). A deployment with its own tile server adds it with ATLAS_TILE_ORIGINS
 * (comma-separated origins); the browser tests add their loopback tile server that way.
 */
import { TILE_PROVIDER_ORIGINS } from '../../src/map/basemaps.ts';

export function contentSecurityPolicy(extraTileOrigins: readonly string[] = []): string {
  const tiles = [...TILE_PROVIDER_ORIGINS, ...extraTileOrigins].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${tiles}`,
    `connect-src 'self' ${tiles}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Origins from ATLAS_TILE_ORIGINS: only well-formed http(s) origins are kept. */
export function extraTileOriginsFromEnv(value = process.env.ATLAS_TILE_ORIGINS ?? ''): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => {
      try {
        const url = new URL(v);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === v;
      } catch {
        return false;
      }
    });
}

export const STRICT_CSP = contentSecurityPolicy();
