import { Suspense } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { ErrorBoundary } from './components/error-boundary';
import { Loading } from './components/notice';
import { Layout } from './layout';
import { ActivatePage } from './pages/activate';
import { LoginPage } from './pages/login';
import { allowed, ROUTES } from './routes';
import { useSession } from './session/session';

/** Signed out: login and activation only. Signed in: the pages of the user's roles. */
export function App() {
  const current = useSession();
  const [location] = useLocation();
  if (!current) {
    return (
      <Switch>
        <Route path="/aktivasi" component={ActivatePage} />
        <Route component={LoginPage} />
      </Switch>
    );
  }
  return (
    <Layout current={current}>
      <ErrorBoundary key={location}>
        <Suspense fallback={<Loading />}>
          <Switch>
            {ROUTES.filter((route) => allowed(route, current.user.roles)).map((route) => (
              <Route key={route.path} path={route.path} component={route.page} />
            ))}
            <Route path="/masuk">
              <Redirect to="/" />
            </Route>
            <Route>
              <Redirect to="/" />
            </Route>
          </Switch>
        </Suspense>
      </ErrorBoundary>
    </Layout>
  );
}
