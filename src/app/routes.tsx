import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { AtlasPage } from '../features/atlas/AtlasPage.tsx';
import { AppShell } from './AppShell.tsx';

// The plan page is read less often than the map: keep it out of the first-paint bundle.
const PlanPage = lazy(() => import('../features/plan/PlanPage.tsx').then((m) => ({ default: m.PlanPage })));
// Compare (with its chart library) and the access ranking are working pages, loaded with their route.
const ComparePage = lazy(() =>
  import('../features/compare/ComparePage.tsx').then((m) => ({ default: m.ComparePage })),
);
const AccessRankingPage = lazy(() =>
  import('../features/ranking/AccessRankingPage.tsx').then((m) => ({ default: m.AccessRankingPage })),
);

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
      { path: '/compare', element: <ComparePage /> },
      { path: '/access', element: <AccessRankingPage /> },
      { path: '/access/:parkId', element: <AccessRankingPage /> },
      { path: '*', element: <AtlasPage /> },
    ],
  },
]);
