import { useEffect, useState, type DependencyList } from "react";
import { ApiError } from "./api/client";

export type Loaded<T> = { state: "loading" } | { state: "ready"; data: T } | { state: "error"; error: ApiError };

/**
 * Runs `load` when `deps` change and returns its state. A reload keeps showing the last answer until the next
 * arrives (polling does not flash "loading"); an answer that arrives after the component is gone is dropped.
 */
export function useApi<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setLoaded({ state: "ready", data }),
      (error: unknown) =>
        current && setLoaded({ state: "error", error: error instanceof ApiError ? error : new ApiError("failed", String(error)) }),
    );
    return () => {
      current = false;
    };
  }, deps);
  return loaded;
}

/** `useApi`, read again every `milliseconds` while `again` says the answer may still change (a run in progress). */
export function usePolled<T>(load: () => Promise<T>, deps: DependencyList, again: (data: T) => boolean, milliseconds: number): Loaded<T> {
  const [reads, setReads] = useState(0);
  const loaded = useApi(load, [...deps, reads]);
  useEffect(() => {
    if (loaded.state === "ready" && again(loaded.data)) {
      const next = setTimeout(() => setReads((n) => n + 1), milliseconds);
      return () => clearTimeout(next);
    }
  }, [loaded]);
  return loaded;
}
