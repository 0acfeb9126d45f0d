import { vi } from "vitest";

/** A JSON answer as the API gives it. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" },
  });
}

/** Stubs fetch with answers by URL path; a path with no answer fails the test. Returns the mock to inspect calls. */
export function mockFetch(answers: Record<string, () => Response>) {
  const fetch = vi.fn(async (url: string, _init?: RequestInit) => {
    const answer = answers[url];
    if (!answer) {
      throw new Error(`unexpected fetch ${url}`);
    }

    return answer();
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}
