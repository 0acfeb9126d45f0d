import type { components, paths } from "./schema";
import type { Summary } from "./results";

export type RunListEntry = components["schemas"]["RunListEntry"];
export type RunStatus = components["schemas"]["RunStatusResponse"];
type Problem = components["schemas"]["ProblemDetails"];

/** The API's routes, as the OpenAPI document names them: a route that leaves the document fails the build. */
type Route = keyof paths & `/api/${string}`;

/** What a route's 200 answer holds, per the document. */
type Ok<R extends Route> = paths[R] extends { get: { responses: { 200: { content: { "application/json": infer T } } } } } ? T : never;

/** Why a request failed, in the terms the pages show: each kind has its own message or state. */
export type ApiErrorKind = "unauthorized" | "not-ready" | "not-found" | "unreachable" | "failed";

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A typed client over the server's HTTP API. Every request carries the API key; a 401 calls `onUnauthorized`
 * (the app signs out) before the request fails.
 */
export class ApiClient {
  constructor(
    private readonly key: string,
    private readonly onUnauthorized: () => void,
  ) {}

  listBacktests(): Promise<Ok<"/api/v1/backtests">> {
    return this.json(path("/api/v1/backtests", {}));
  }

  backtest(id: string): Promise<Ok<"/api/v1/backtests/{id}">> {
    return this.json(path("/api/v1/backtests/{id}", { id }));
  }

  /** summary.json: free-form JSON in the document, so typed by `Summary`. */
  backtestResult(id: string): Promise<Summary> {
    return this.json(path("/api/v1/backtests/{id}/result", { id }));
  }

  /** timeseries.csv. */
  async backtestTimeseries(id: string): Promise<string> {
    return (await this.send(path("/api/v1/backtests/{id}/timeseries", { id }))).text();
  }

  private async json<T>(url: string): Promise<T> {
    return (await (await this.send(url)).json()) as T;
  }

  private async send(url: string): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, { headers: { "X-API-Key": this.key, Accept: "application/json, text/csv" } });
    } catch {
      throw new ApiError("unreachable", "The API is not answering: is basis serve running?");
    }

    if (response.ok) {
      return response;
    }

    const problem = await readProblem(response);
    switch (response.status) {
      case 401:
        this.onUnauthorized();
        throw new ApiError("unauthorized", "The API refused the key (401).");
      case 404:
        throw new ApiError("not-found", problem);
      case 409:
        throw new ApiError("not-ready", problem);
      case 502:
      case 503:
      case 504:
        throw new ApiError("unreachable", `The API is not answering (${response.status}): is basis serve running?`);
      default:
        throw new ApiError("failed", `${response.status}: ${problem}`);
    }
  }
}

/** A route with its `{name}` parameters filled in, escaped. */
function path(route: Route, parameters: Record<string, string>): string {
  return route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(parameters[name] ?? ""));
}

/** The problem's title and detail (RFC 9457), else the status text. */
async function readProblem(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as Problem;
    return [problem.title, problem.detail].filter(Boolean).join(" ") || response.statusText;
  } catch {
    return response.statusText;
  }
}
