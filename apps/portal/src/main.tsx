import { QueryClient } from '@tanstack/react-query';
import { createSyncStoragePersister } from '@tanstack/query-sync-storage-persister';
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { ApiProblem } from './api/client';
import { App } from './app';
import { checkInQueue } from './offline/check-in-queue';
import { session } from './session/session';
import './styles.css';

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // What was last seen stays on the phone for a day and shows while offline (portal.md).
      gcTime: 86_400_000,
      networkMode: 'offlineFirst',
      retry: (failures, error) => failures < 2 && !(error instanceof ApiProblem && error.status >= 400 && error.status < 500),
    },
  },
});
// One user's cached answers never show to the next user of the same phone.
session.subscribe(() => {
  if (!session.get()) queries.clear();
});

const persister = createSyncStoragePersister({ storage: window.localStorage, key: 'asn.cache', throttleTime: 2_000 });

registerSW({ immediate: true });
checkInQueue.start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PersistQueryClientProvider client={queries} persistOptions={{ persister, maxAge: 86_400_000, buster: 'v1' }}>
      <App />
    </PersistQueryClientProvider>
  </StrictMode>,
);
