import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { AtlasPage } from '../features/atlas/AtlasPage.tsx';
import { AppShell } from './AppShell.tsx';

// The plan page is read less often than the map: keep it out of the first-paint bundle.
const PlanPage = lazy(() => import('../features/plan/PlanPage.tsx').then((m) => ({ default: m.PlanPage })));

// The promises table is a reference page: loaded only on its route.
const PromisesPage = lazy(() =>
  import('../features/promises/PromisesPage.tsx').then((m) => ({ default: m.PromisesPage })),
);

function Layout() {
  return (
    <AppShell>
      <Suspense fallback={null}>
        <Outlet />
      </Suspense>
    </AppShell>
  );
}

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <AtlasPage /> },
      { path: '/parks/:parkId', element: <AtlasPage /> },
      { path: '/plan', element: <PlanPage /> },
      { path: '/promises', element: <PromisesPage /> },
      { path: '*', element: <AtlasPage /> },
    ],
  },
]);
