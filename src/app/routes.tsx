import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { AtlasPage } from '../features/atlas/AtlasPage.tsx';
import { useViewPart } from '../url/use-view-state.ts';
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

// The briefing (its map, deck and controls) loads with its route.
const BriefingPage = lazy(() =>
  import('../features/brief/BriefingPage.tsx').then((m) => ({ default: m.BriefingPage })),
);

function Layout() {
  // The briefing is full-screen: no header, no navigation around it.
  const bare = useViewPart((view) => view.page.kind === 'brief');
  return (
    <AppShell bare={bare}>
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
      { path: '/brief', element: <BriefingPage /> },
      { path: '/brief/:slide', element: <BriefingPage /> },
      { path: '*', element: <AtlasPage /> },
    ],
  },
]);
