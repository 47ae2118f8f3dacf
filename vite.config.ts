import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentSecurityPolicy, extraTileOriginsFromEnv } from './tests/e2e/csp.ts';

// The production build must run under a strict CSP (no inline scripts, no blob: workers), so
// nothing here may inject inline code; `vite preview` serves the build with that CSP.
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  preview: {
    port: 4173,
    strictPort: true,
    headers: {
      'Content-Security-Policy': contentSecurityPolicy(extraTileOriginsFromEnv()),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
  server: { port: 5173 },
});
