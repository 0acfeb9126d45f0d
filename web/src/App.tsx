import { lazy, Suspense, useCallback, useMemo, useState } from "react";
import { ApiClient } from "./api/client";
import { Layout } from "./components/Layout";
import { RunPage } from "./pages/RunPage";
import { RunsPage } from "./pages/RunsPage";
import { SignInPage } from "./pages/SignInPage";
import { Loading } from "./components/Status";
import { usePath } from "./router";
import { clearKey, loadKey, saveKey } from "./session";

// The live and health pages are chunks of their own: the backtests' pages load without them.
const LiveListPage = lazy(() => import("./pages/LiveListPage"));
const LivePage = lazy(() => import("./pages/LivePage"));
const HealthPage = lazy(() => import("./pages/HealthPage"));
const BacktestWizardPage = lazy(() => import("./pages/BacktestWizardPage"));
const ComparePage = lazy(() => import("./pages/ComparePage"));

/** Sign-in until there is a key; then the page the path names. A 401 from the API signs out. */
export function App() {
  const [key, setKey] = useState(loadKey);
  const [notice, setNotice] = useState<string | null>(null);
  const signOut = useCallback((reason: string | null) => {
    clearKey();
    setKey(null);
    setNotice(reason);
  }, []);
  const client = useMemo(
    () => (key ? new ApiClient(key, () => signOut("The API refused this key (401): sign in with a valid one.")) : null),
    [key, signOut],
  );

  if (!client) {
    const signIn = (entered: string) => {
      saveKey(entered);
      setKey(entered);
      setNotice(null);
    };
    return <SignInPage notice={notice} onSignIn={signIn} />;
  }

  return (
    <Layout onSignOut={() => signOut(null)}>
      <Page client={client} />
    </Layout>
  );
}

function Page({ client }: { client: ApiClient }) {
  const path = usePath();
  const run = /^\/runs\/([^/]+)$/.exec(path);
  if (run) {
    const id = decodeURIComponent(run[1]!);
    return <RunPage key={id} client={client} id={id} />;
  }

  const live = /^\/live\/([^/]+)$/.exec(path);
  if (live) {
    const id = decodeURIComponent(live[1]!);
    return (
      <Suspense fallback={<Loading what="the page" />}>
        <LivePage key={id} client={client} id={id} />
      </Suspense>
    );
  }

  const compare = /^\/compare\/([^/]+)$/.exec(path);
  if (compare) {
    const ids = compare[1]!.split(",").map(decodeURIComponent);
    return (
      <Suspense fallback={<Loading what="the page" />}>
        <ComparePage key={compare[1]} client={client} ids={ids} />
      </Suspense>
    );
  }

  if (path === "/backtests/new") {
    return (
      <Suspense fallback={<Loading what="the page" />}>
        <BacktestWizardPage client={client} />
      </Suspense>
    );
  }

  if (path === "/live" || path === "/health") {
    return <Suspense fallback={<Loading what="the page" />}>{path === "/live" ? <LiveListPage client={client} /> : <HealthPage client={client} />}</Suspense>;
  }

  return path === "/" || path === "/runs" ? <RunsPage client={client} /> : <h1>No page at {path}</h1>;
}
