/**
 * Serves dist/ with `vite preview` (strict CSP headers from vite.config.ts) for the browser tests,
 * and a loopback tile server for the basemap tests.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { startTileServer } from './tile-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The loopback tile server (tile-server.ts), admitted by the CSP as a custom basemap host. */
    tileOrigin: string;
  }
}

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../..');
  if (!existsSync(path.join(root, 'dist', 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` before the browser tests');
  }
  const tiles = await startTileServer();
  // Read by vite.config.ts when preview() loads it: the CSP admits the test tile server.
  process.env.ATLAS_TILE_ORIGINS = tiles.origin;
  const server = await preview({ root, preview: { port: 4180, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url.replace(/\/$/, ''));
  project.provide('tileOrigin', tiles.origin);
  return async () => {
    await server.close();
    await tiles.close();
  };
}
