import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { preloadAtlas } from './app/preload.ts';
import { router } from './app/routes.tsx';
import { bindUrlToRouter } from './url/use-view-state.ts';
import './ui/styles.css';

/** Longest the first render waits for the parks and the plan content (preloaded by index.html). */
const FIRST_RENDER_WAIT_MS = 3000;

// Rendering once the list's data is in (normally already, thanks to the preloads) makes the first
// commit show the park list — the largest text — instead of a fallback that React then reveals up
// to 300 ms later, behind the map's start-up work.
const ready = preloadAtlas();
bindUrlToRouter(router);
const root = document.getElementById('root');
const render = () => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
};
void Promise.race([ready, new Promise((resolve) => window.setTimeout(resolve, FIRST_RENDER_WAIT_MS))]).then(
  render,
);
