import type { ApolloClient } from '@apollo/client';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { AppRoutes } from '../app/app-routes';
import { Providers, ShellBridge } from '../app/app';

/** Shows the current path so tests can assert where navigation landed. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

/** The whole app (routes, guards, layout, lazy pages) at a given path, on a mock client. */
export function renderApp(client: ApolloClient, path = '/') {
  return render(
    <Providers client={client}>
      <MemoryRouter initialEntries={[path]}>
        <ShellBridge client={client}>
          <AppRoutes />
          <LocationProbe />
        </ShellBridge>
      </MemoryRouter>
    </Providers>,
  );
}

/** One component inside the providers and a router, for module-level tests. */
export function renderWithProviders(client: ApolloClient, ui: ReactNode, path = '/') {
  return render(
    <Providers client={client}>
      <MemoryRouter initialEntries={[path]}>
        <ShellBridge client={client}>
          <Routes>
            <Route path="*" element={ui} />
          </Routes>
          <LocationProbe />
        </ShellBridge>
      </MemoryRouter>
    </Providers>,
  );
}
