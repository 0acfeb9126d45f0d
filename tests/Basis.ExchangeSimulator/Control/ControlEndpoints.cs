using Basis.ExchangeSimulator.Accounting;
using Basis.ExchangeSimulator.Faults;

namespace Basis.ExchangeSimulator.Control;

/// <summary>Test-only endpoints under <c>/_sim/</c>: the simulated clock, faults and the simulator's counters. No venue has these.</summary>
internal static class ControlEndpoints
{
    public static void Map(WebApplication app, IReadOnlyList<ExchangeState> venues, FaultInjector faults, SimulatorStats stats)
    {
        var group = app.MapGroup("/_sim");
        group.MapGet("/clock", () => Clock(venues[0]));
        group.MapPost("/clock", (ClockAdvance body) =>
        {
            if (body.AdvanceHours is < 0 or > 24 * 366)
            {
                return Results.Problem(statusCode: 400, detail: $"advance_hours: {body.AdvanceHours} is outside 0–8784");
            }

            // Every venue's clock moves together, so all must have marks at the target hour before any moves.
            try
            {
                foreach (var state in venues)
                {
                    lock (state.Sync)
                    {
                        foreach (var symbol in state.Instruments.Keys)
                        {
                            state.Tape.MarkAt(symbol, state.NowSeconds + (body.AdvanceHours * 3600L));
                        }
                    }
                }
            }
            catch (InvalidOperationException e)
            {
                return Results.Problem(statusCode: 400, detail: e.Message);
            }

            foreach (var state in venues)
            {
                lock (state.Sync)
                {
                    state.AdvanceHours(body.AdvanceHours);
                }
            }

            return Clock(venues[0]);
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
