import { createBrowserRouter, Outlet } from 'react-router-dom';
import { AtlasPage } from '../features/atlas/AtlasPage.tsx';
import { AppShell } from './AppShell.tsx';

function Layout() {
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <AtlasPage /> },
      { path: '/parks/:parkId', element: <AtlasPage /> },
      { path: '*', element: <AtlasPage /> },
    ],
  },
]);
