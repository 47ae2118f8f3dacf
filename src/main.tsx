import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { preloadAtlas } from './app/preload.ts';
import { router } from './app/routes.tsx';
import { bindUrlToRouter } from './url/use-view-state.ts';
import './ui/styles.css';

preloadAtlas();
bindUrlToRouter(router);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
}
