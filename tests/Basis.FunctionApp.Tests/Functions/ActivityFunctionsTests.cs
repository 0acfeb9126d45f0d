using System.Text.Json;
using Basis.Core.Simulation;
using Basis.Data.Results;
using Basis.FunctionApp.Functions;
using Basis.FunctionApp.Tests.Support;
using Basis.Orchestrations.Backtests;
using Microsoft.Extensions.DependencyInjection;

namespace Basis.FunctionApp.Tests.Functions;

/// <summary>The activity adapters run the real activities with the app's workspace and the trigger's instance id.</summary>
public sealed class ActivityFunctionsTests(AppServices app) : IClassFixture<AppServices>
{
    private static readonly BacktestRequest Quarter = new("eth_basis", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public async Task RunBacktest_simulates_the_request_under_the_instance_id_and_keeps_its_results()
    {
        const string RunId = "bt_functionapp_quarter";

        var outcome = await app.Create<ActivityFunctions>().RunBacktestAsync(Quarter, RunId);

        Assert.Equal((RunId, "eth_basis"), (outcome.RunId, outcome.Mode));
        var workspace = app.Services.GetRequiredService<BacktestWorkspace>();
        var prepared = workspace.Prepare(RunId, Quarter);
        var engine = BacktestEngine.Run(prepared.Spec, prepared.Strategy, await workspace.MarketAsync(prepared, TestContext.Current.CancellationToken));
        Assert.Equal(engine.Summary.FinalEquity, outcome.Metrics["final_equity"]);

        var summaryPath = Path.Combine(app.ResultsFolder, RunId, ResultFiles.Summary);
        Assert.True(File.Exists(summaryPath), $"{summaryPath} was not written");
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryPath, TestContext.Current.CancellationToken));
        Assert.Equal(RunId, summary.RootElement.GetProperty("run_id").GetString());
        Assert.Equal(engine.Summary.FinalEquity, summary.RootElement.GetProperty("final_equity").GetDouble());
    }

    [Fact]
    public void The_activity_context_carries_the_activity_s_name_and_the_orchestration_s_instance_id()
    {
        var context = new FunctionActivityContext(nameof(RunBacktest), "bt_1");

        Assert.Equal((nameof(RunBacktest), "bt_1"), (context.Name.Name, context.InstanceId));
    }
}
