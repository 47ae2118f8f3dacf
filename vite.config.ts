import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The production build must run under a strict CSP (no inline scripts, no blob: workers),
// so nothing here may inject inline code.
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
});
