using Basis.ExchangeSimulator.Accounting;
using Basis.ExchangeSimulator.Faults;

namespace Basis.ExchangeSimulator.Control;

/// <summary>Test-only endpoints under <c>/_sim/</c>: the simulated clock, faults and the simulator's counters. No venue has these.</summary>
internal static class ControlEndpoints
{
    public static void Map(WebApplication app, ExchangeState state, FaultInjector faults, SimulatorStats stats)
    {
        var group = app.MapGroup("/_sim");
        group.MapGet("/clock", () => Clock(state));
        group.MapPost("/clock", (ClockAdvance body) =>
        {
            if (body.AdvanceHours is < 0 or > 24 * 366)
            {
                return Results.Problem(statusCode: 400, detail: $"advance_hours: {body.AdvanceHours} is outside 0–8784");
            }

            lock (state.Sync)
            {
                try
                {
                    state.AdvanceHours(body.AdvanceHours);
                }
                catch (InvalidOperationException e)
                {
                    return Results.Problem(statusCode: 400, detail: e.Message);
                }
            }

            return Clock(state);
        });
        group.MapGet("/faults", () => Results.Ok(faults.Current));
        group.MapPost("/faults", (FaultSettings settings) =>
        {
            if (settings.PartialFillFraction is <= 0 or > 1 || settings.LatencyMs < 0 || settings.ServerErrorStatus is < 500 or > 599)
            {
                return Results.Problem(statusCode: 400, detail: "partial_fill_fraction must be in (0, 1], latency_ms ≥ 0, server_error_status 500–599");
            }

            faults.Set(settings);
            return Results.Ok(settings);
        });
        group.MapDelete("/faults", () =>
        {
            faults.Set(new FaultSettings());
            return Results.NoContent();
        });
        group.MapGet("/stats", () => Results.Ok(new { requests = stats.Requests, signature_failures = stats.SignatureFailures }));
    }

    private static IResult Clock(ExchangeState state)
    {
        lock (state.Sync)
        {
            return Results.Ok(new { now = DateTimeOffset.FromUnixTimeSeconds(state.NowSeconds).UtcDateTime, now_ms = state.NowMs });
        }
    }
}
