import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from "react";
import { ApiClient } from "./api/client";
import { Layout } from "./components/Layout";
import { RunPage } from "./pages/RunPage";
import { RunsPage } from "./pages/RunsPage";
import { SignInPage } from "./pages/SignInPage";
import { Loading } from "./components/Status";
import { usePath } from "./router";
import { clearKey, loadKey, saveKey } from "./session";

// Every page but the runs list and a run's is a chunk of its own: the first page loads without them.
const LiveListPage = lazy(() => import("./pages/LiveListPage"));
const LivePage = lazy(() => import("./pages/LivePage"));
const LiveCreatePage = lazy(() => import("./pages/LiveCreatePage"));
const HealthPage = lazy(() => import("./pages/HealthPage"));
const BacktestWizardPage = lazy(() => import("./pages/BacktestWizardPage"));
const ComparePage = lazy(() => import("./pages/ComparePage"));
const SweepsPage = lazy(() => import("./pages/SweepsPage"));
const SweepPage = lazy(() => import("./pages/SweepPage"));

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

/** A lazy page, with a loading state while its chunk arrives. */
function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading what="the page" />}>{children}</Suspense>;
}

function Page({ client }: { client: ApiClient }) {
  const path = usePath();
  // The page a path names, and its id segment (decoded) when it has one.
  const match = (pattern: RegExp) => pattern.exec(path)?.[1];
  const pages: Record<string, ReactNode> = {
    "/backtests/new": <BacktestWizardPage client={client} />,
    "/sweeps": <SweepsPage client={client} />,
    "/live": <LiveListPage client={client} />,
    "/live/new": <LiveCreatePage client={client} />,
    "/health": <HealthPage client={client} />,
  };
  // Before the id patterns: /live/new is not an instance.
  if (path in pages) {
    return <Lazy>{pages[path]}</Lazy>;
  }

  const run = match(/^\/runs\/([^/]+)$/);
  if (run) {
    const id = decodeURIComponent(run);
    return <RunPage key={id} client={client} id={id} />;
  }

  const live = match(/^\/live\/([^/]+)$/);
  if (live) {
    const id = decodeURIComponent(live);
    return (
      <Lazy>
        <LivePage key={id} client={client} id={id} />
      </Lazy>
    );
  }

  const sweep = match(/^\/sweeps\/([^/]+)$/);
  if (sweep) {
    const id = decodeURIComponent(sweep);
    return (
      <Lazy>
        <SweepPage key={id} client={client} id={id} />
      </Lazy>
    );
  }

  const compare = match(/^\/compare\/([^/]+)$/);
  if (compare) {
    return (
      <Lazy>
        <ComparePage key={compare} client={client} ids={compare.split(",").map(decodeURIComponent)} />
      </Lazy>
    );
  }

  return path === "/" || path === "/runs" ? <RunsPage client={client} /> : <h1>No page at {path}</h1>;
}
