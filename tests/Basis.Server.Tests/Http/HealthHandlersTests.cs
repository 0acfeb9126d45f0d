using System.Text.Json;
using Basis.Api.Http;
using Basis.Server.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Basis.Server.Tests.Http;

/// <summary>
/// <c>/health/detailed</c> with components made to fail: a failing one makes the whole 503, names the kind of error as
/// <c>error_code</c> (never its message, which may hold a path or a host), and its readiness says how far it got.
/// </summary>
public sealed class HealthHandlersTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_failing_component_makes_the_report_unhealthy_with_its_error_type_and_how_far_it_got()
    {
        var handlers = Handlers(
            HealthComponent.Reachable("good", "fine", _ => Task.CompletedTask),
            HealthComponent.Reachable("store", "folder", _ => throw new IOException($"cannot write {_temp.Path} on db.internal:5432")),
            new HealthComponent("wrapped", ["initialized"], (_, _) => Task.FromException<string>(new AggregateException(new UnauthorizedAccessException("/secret")))));

        var (status, body) = Read(await handlers.DetailedAsync(TestContext.Current.CancellationToken));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        var store = body.GetProperty("components").GetProperty("store");
        Assert.Equal(("unhealthy", "IOException"), (store.GetProperty("status").GetString(), store.GetProperty("error_code").GetString()));
        Assert.Equal(
            [("initialized", true), ("reachable", false), ("answered_in_time", true)],
            store.GetProperty("readiness_checks").EnumerateObject().Select(c => (c.Name, c.Value.GetBoolean())));
        Assert.Equal("UnauthorizedAccessException", body.GetProperty("components").GetProperty("wrapped").GetProperty("error_code").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("components").GetProperty("good").GetProperty("error_code").ValueKind);
        Assert.Equal((3, 1, 2), (body.GetProperty("summary").GetProperty("total_components").GetInt32(), body.GetProperty("summary").GetProperty("healthy_components").GetInt32(), body.GetProperty("summary").GetProperty("unhealthy_components").GetInt32()));
        var text = body.GetRawText();
        Assert.DoesNotContain(_temp.Path, text, StringComparison.Ordinal);
        Assert.DoesNotContain("db.internal", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_every_component_healthy_the_report_carries_the_liveness_fields_and_a_200()
    {
        var handlers = Handlers(HealthComponent.Reachable("only", "fine", _ => Task.CompletedTask));

        var (status, body) = Read(await handlers.DetailedAsync(TestContext.Current.CancellationToken));

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(["status", "timestamp", "service", "execution_mode", "uptime_seconds", "system", "components", "summary"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("fine", body.GetProperty("components").GetProperty("only").GetProperty("description").GetString());
    }

    [Theory]
    [InlineData(40, 40, "healthy")]
    [InlineData(95, 20, "healthy")]
    [InlineData(95.1, 20, "degraded")]
    [InlineData(20, 99, "degraded")]
    [InlineData(99.1, 20, "unhealthy")]
    [InlineData(20, 100, "unhealthy")]
    public void Memory_or_disk_above_95_percent_degrades_and_above_99_is_unhealthy(double memory, double disk, string expected) =>
        Assert.Equal(expected, HostVitals.StatusOf(new SystemFigures(50, memory, 1, disk, 100)));

    [Fact]
    public void An_unreadable_disk_does_not_change_the_status() =>
        Assert.Equal("healthy", HostVitals.StatusOf(new SystemFigures(100, 10, 1, null, 100)));

    private HealthHandlers Handlers(params HealthComponent[] components) =>
        new(components, new HostVitals("backtest", new SystemUsage(_temp.Path)), NullLogger<HealthHandlers>.Instance);

    private static (int Status, JsonElement Body) Read(IResult result) =>
        (Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode ?? 200, JsonSerializer.SerializeToElement(Assert.IsAssignableFrom<IValueHttpResult>(result).Value));
}
