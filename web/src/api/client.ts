import type { components, paths } from "./schema";
import type { Summary, SweepOutcome } from "./results";

type Schemas = components["schemas"];
export type RunListEntry = Schemas["RunListEntry"];
export type RunStatus = Schemas["RunStatusResponse"];
export type LiveInstance = Schemas["LiveInstanceResponse"];
export type LiveEvent = Schemas["LiveEventResponse"];
export type LivePositions = Schemas["LivePositionsResponse"];
export type LivePerformance = Schemas["LivePerformanceResponse"];
export type LiveOrder = Schemas["LiveOrderResponse"];
export type LiveFill = Schemas["LiveFillResponse"];
export type LiveActivity = Schemas["LiveActivityResponse"];
export type LiveRuntimeAnswer = Schemas["LiveRuntimeResponse"];
export type LiveEmergencyStop = Schemas["LiveEmergencyStopResponse"];
export type DetailedHealth = Schemas["DetailedHealthReport"];
export type ComponentHealth = Schemas["ComponentHealth"];
export type Strategy = Schemas["StrategyResponse"];
export type StrategyConfig = Schemas["StrategyConfigResponse"];
export type StrategyCoverage = Schemas["StrategyCoverageResponse"];
export type RunLinks = Schemas["RunLinks"];
export type BacktestChart = Schemas["BacktestChartResponse"];
export type StrategyBenchmark = Schemas["StrategyBenchmarkResponse"];
export type LiveCreate = Schemas["LiveCreateRequestBody"];
/** A backtest request; `config_overrides` is any JSON object (the document cannot say so). */
export type BacktestRequest = Omit<Schemas["BacktestRequestBody"], "config_overrides"> & { config_overrides?: Record<string, unknown> };
type Problem = Schemas["ProblemDetails"];
type ValidationProblem = Schemas["HttpValidationProblemDetails"];

/** The API's routes, as the OpenAPI document names them: a route that leaves the document fails the build. */
type Route = keyof paths & (`/api/${string}` | `/health${string}`);

/** What a route's answer holds for a method and status, per the document. */
type Answer<R extends Route, M extends "get" | "post", S extends number> = paths[R] extends {
  [K in M]: { responses: { [K2 in S]: { content: { "application/json": infer T } } } };
}
  ? T
  : never;
type Ok<R extends Route> = Answer<R, "get", 200>;

/** A request body of a route, per the document. */
type Body<R extends Route> = paths[R] extends { post: { requestBody: { content: { "application/json": infer T } } } } ? T : never;

/** A route's query parameters, per the document. */
type Query<R extends Route> = paths[R] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;

/** The live routes paged with `?limit=&cursor=` (→ `next_cursor`). */
export type LivePagedRoute = "/api/v1/live/{id}/orders" | "/api/v1/live/{id}/fills" | "/api/v1/live/{id}/events" | "/api/v1/live/{id}/activity";
export type LivePage<R extends LivePagedRoute> = Ok<R>;

/** Why a request failed, in the terms the pages show: each kind has its own message or state. */
export type ApiErrorKind = "unauthorized" | "invalid" | "not-ready" | "not-found" | "unavailable" | "unreachable" | "failed";

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    /** A 400's problems by field (`errors` of the validation problem), empty otherwise. */
    readonly fields: Record<string, string[]> = {},
    /** A 409's reasons, when it lists them (real execution refused: each switch or variable in the way). */
    readonly reasons: string[] = [],
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

  /** The timeseries as the run page charts it: thinned for drawing, and each month's last hour as it is. */
  backtestChart(id: string): Promise<BacktestChart> {
    return this.json(path("/api/v1/backtests/{id}/chart", { id }));
  }

  /** events.jsonl. */
  async backtestEvents(id: string): Promise<string> {
    return (await this.send(path("/api/v1/backtests/{id}/events", { id }))).text();
  }

  /** One of a backtest's files as it is served, for saving. */
  async backtestFile(id: string, file: "result" | "timeseries" | "events" | "report"): Promise<Blob> {
    return (await this.send(path(`/api/v1/backtests/{id}/${file}`, { id }))).blob();
  }

  /** Starts a backtest; a 400 names each bad field (`ApiError.fields`). */
  submitBacktest(request: BacktestRequest): Promise<Answer<"/api/v1/backtests", "post", 202>> {
    return this.post(path("/api/v1/backtests", {}), request);
  }

  listSweeps(): Promise<Ok<"/api/v1/sweeps">> {
    return this.json(path("/api/v1/sweeps", {}));
  }

  sweep(id: string): Promise<Ok<"/api/v1/sweeps/{id}">> {
    return this.json(path("/api/v1/sweeps/{id}", { id }));
  }

  /** The ranking: free-form JSON in the document, so typed by `SweepOutcome`. */
  sweepResult(id: string): Promise<SweepOutcome> {
    return this.json(path("/api/v1/sweeps/{id}/result", { id }));
  }

  strategies(): Promise<Ok<"/api/v1/strategies">> {
    return this.json(path("/api/v1/strategies", {}));
  }

  strategyConfig(name: string): Promise<Ok<"/api/v1/strategies/{name}/config">> {
    return this.json(path("/api/v1/strategies/{name}/config", { name }));
  }

  strategyCoverage(name: string): Promise<Ok<"/api/v1/strategies/{name}/coverage">> {
    return this.json(path("/api/v1/strategies/{name}/coverage", { name }));
  }

  /** Lending the mode's share-class asset over `[start, end)`, for a run's benchmark line. */
  strategyBenchmark(name: string, start: string, end: string): Promise<StrategyBenchmark> {
    const query: Query<"/api/v1/strategies/{name}/benchmark"> = { start, end };
    return this.json(`${path("/api/v1/strategies/{name}/benchmark", { name })}?${new URLSearchParams(query as Record<string, string>)}`);
  }

  /** Creates a live instance (paused); a 400 names each bad field, a 409 gives why real execution was refused. */
  createLive(request: LiveCreate): Promise<Answer<"/api/v1/live", "post", 201>> {
    return this.post(path("/api/v1/live", {}), request);
  }

  listLive(): Promise<Ok<"/api/v1/live">> {
    return this.json(path("/api/v1/live", {}));
  }

  live(id: string): Promise<Ok<"/api/v1/live/{id}">> {
    return this.json(path("/api/v1/live/{id}", { id }));
  }

  livePositions(id: string): Promise<Ok<"/api/v1/live/{id}/positions">> {
    return this.json(path("/api/v1/live/{id}/positions", { id }));
  }

  livePerformance(id: string): Promise<Ok<"/api/v1/live/{id}/performance">> {
    return this.json(path("/api/v1/live/{id}/performance", { id }));
  }

  /** A page of orders, fills, events or activity: `cursor` is the previous page's `next_cursor`. */
  livePage<R extends LivePagedRoute>(route: R, id: string, limit: number, cursor: number | string | null): Promise<LivePage<R>> {
    const query: Query<LivePagedRoute> = cursor === null ? { limit } : { limit, cursor: Number(cursor) };
    const search = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)]));
    return this.json(`${path(route, { id })}?${search}`);
  }

  liveStart(id: string, acknowledgeHalt: boolean): Promise<Answer<"/api/v1/live/{id}/start", "post", 200>> {
    const body: Body<"/api/v1/live/{id}/start"> = acknowledgeHalt ? { acknowledge_halt: true } : {};
    return this.post(path("/api/v1/live/{id}/start", { id }), body);
  }

  liveStop(id: string): Promise<Answer<"/api/v1/live/{id}/stop", "post", 200>> {
    return this.post(path("/api/v1/live/{id}/stop", { id }), {});
  }

  liveEmergencyStop(id: string): Promise<Answer<"/api/v1/live/{id}/emergency-stop", "post", 200>> {
    return this.post(path("/api/v1/live/{id}/emergency-stop", { id }), {});
  }

  liveRebalance(id: string): Promise<Answer<"/api/v1/live/{id}/rebalance", "post", 202>> {
    return this.post(path("/api/v1/live/{id}/rebalance", { id }), {});
  }

  /** A deposit or withdrawal in share-class units; the amount as typed, so the API's own validation names it. */
  liveFlow(id: string, flow: "deposit" | "withdraw", amount: Body<"/api/v1/live/{id}/deposit">["amount"]): Promise<Answer<"/api/v1/live/{id}/deposit", "post", 202>> {
    const body: Body<"/api/v1/live/{id}/deposit" | "/api/v1/live/{id}/withdraw"> = { amount };
    return this.post(path(flow === "deposit" ? "/api/v1/live/{id}/deposit" : "/api/v1/live/{id}/withdraw", { id }), body);
  }

  /** Every component's check. A 503 (a component failing) still carries the report, so it is read, not thrown. */
  async healthDetailed(): Promise<Answer<"/health/detailed", "get", 200>> {
    const url = path("/health/detailed", {});
    let response: Response;
    try {
      response = await fetch(url, { headers: { Accept: "application/json" } });
    } catch {
      throw unreachable();
    }

    if (response.status === 200 || response.status === 503) {
      try {
        return (await response.json()) as Answer<"/health/detailed", "get", 200>;
      } catch {
        // A proxy's 503 page, not the server's report.
      }
    }

    throw await this.failure(response);
  }

  private async json<T>(url: string): Promise<T> {
    return (await (await this.send(url)).json()) as T;
  }

  private async post<T>(url: string, body: unknown): Promise<T> {
    const response = await this.send(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return (await response.json()) as T;
  }

  private async send(url: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        headers: { ...(init.headers as Record<string, string> | undefined), "X-API-Key": this.key, Accept: "application/json, text/csv" },
      });
    } catch {
      throw unreachable();
    }

    if (response.ok) {
      return response;
    }

    throw await this.failure(response);
  }

  private async failure(response: Response): Promise<ApiError> {
    const problem = await readProblem(response);
    const words = problem ? describe(problem) : "";
    switch (response.status) {
      case 400:
        return new ApiError("invalid", words || `400: ${response.statusText}`, problem?.errors ?? {});
      case 401:
        this.onUnauthorized();
        return new ApiError("unauthorized", "The API refused the key (401).");
      case 404:
        return new ApiError("not-found", words || response.statusText);
      case 409:
        return new ApiError("not-ready", words || response.statusText, {}, reasonsOf(problem));
      case 501:
      case 503:
        // The server's own 503 (live trading not configured, the ledger's database down) says why; a proxy's does not.
        if (problem?.title) {
          return new ApiError("unavailable", words);
        }
        return unreachable(response.status);
      case 502:
      case 504:
        return unreachable(response.status);
      default:
        return new ApiError("failed", `${response.status}: ${words || response.statusText}`);
    }
  }
}

function unreachable(status?: number): ApiError {
  return new ApiError("unreachable", `The API is not answering${status ? ` (${status})` : ""}: is basis serve running?`);
}

/** A route with its `{name}` parameters filled in, escaped. */
function path(route: Route, parameters: Record<string, string>): string {
  return route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(parameters[name] ?? ""));
}

/** The problem's title and detail (RFC 9457). */
function describe(problem: Problem): string {
  return [problem.title, problem.detail].filter(Boolean).join(" ");
}

/** The `reasons` extension of a problem (POST /api/v1/live's 409), empty without one. */
function reasonsOf(problem: ValidationProblem | null): string[] {
  const reasons = (problem as { reasons?: unknown } | null)?.reasons;
  return Array.isArray(reasons) ? reasons.map(String) : [];
}

/** The problem-details body (RFC 9457), or null when the answer has none. */
async function readProblem(response: Response): Promise<ValidationProblem | null> {
  try {
    const body = (await response.json()) as unknown;
    return body && typeof body === "object" ? (body as ValidationProblem) : null;
  } catch {
    return null;
  }
}
