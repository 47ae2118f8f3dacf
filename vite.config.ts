import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import { contentSecurityPolicy, extraTileOriginsFromEnv } from './tests/e2e/csp.ts';

/**
 * The park list's data (parks, plan content) is fetched from the start, while the entry script is
 * still downloading and evaluating (hundreds of ms), so the first render has it (src/main.tsx).
 * The map chunk is deliberately NOT preloaded: fetched before the list paints it competes with the
 * list's requests, and Lighthouse counted it against FCP/LCP (measured: −5 to −8 points on desktop);
 * src/app/preload.ts imports it right after the list has painted. Plain <link> tags: nothing inline.
 */
function preloadListData(): Plugin {
  let base = '/';
  const DATA = ['geodata/parks.geojson', 'content/parks.json'];
  return {
    name: 'atlas-preload-list-data',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const tags: HtmlTagDescriptor[] = [];
        for (const item of Object.values(ctx.bundle ?? {})) {
          if (item.type === 'asset' && item.originalFileNames.some((n) => DATA.some((d) => n.endsWith(d)))) {
            // crossorigin="anonymous" matches fetch()'s defaults (cors, same-origin credentials).
            tags.push({
              tag: 'link',
              attrs: {
                rel: 'preload',
                as: 'fetch',
                crossorigin: 'anonymous',
                href: `${base}${item.fileName}`,
              },
              injectTo: 'head',
            });
          }
        }
        return tags;
      },
    },
  };
}

// The production build must run under a strict CSP (no inline scripts, no blob: workers), so
// nothing here may inject inline code; `vite preview` serves the build with that CSP.
export default defineConfig({
  plugins: [react(), preloadListData()],
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
  // ES module workers: the import worker loads each file format's parser only when a file needs it.
  worker: { format: 'es' },
  server: { port: 5173 },
});
