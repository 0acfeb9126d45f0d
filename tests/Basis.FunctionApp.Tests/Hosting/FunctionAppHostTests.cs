using System.Reflection;
using System.Text;
using Basis.FunctionApp.Hosting;
using Basis.FunctionApp.Tests.Support;
using Basis.Orchestrations.Backtests;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Basis.FunctionApp.Tests.Hosting;

/// <summary>What Program registers is enough for every function class, and payloads read the same as on the server.</summary>
public sealed class FunctionAppHostTests(AppServices app) : IClassFixture<AppServices>
{
    [Fact]
    public void Every_function_class_can_be_created_from_the_app_s_services()
    {
        var classes = typeof(FunctionAppHost).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => !m.IsStatic && m.GetCustomAttribute<FunctionAttribute>() is not null))
            .ToList();

        Assert.NotEmpty(classes);
        Assert.All(classes, type => Assert.NotNull(ActivatorUtilities.CreateInstance(app.Services, type)));
    }

    [Fact]
    public void Durable_payloads_are_serialised_with_web_defaults_as_the_self_hosted_engine_does()
    {
        var serializer = app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer!;
        var outcome = new BacktestOutcome("bt_1", "eth_basis", new Dictionary<string, double?> { ["apy"] = 0.07 });

        var json = Encoding.UTF8.GetString(serializer.Serialize(outcome, cancellationToken: TestContext.Current.CancellationToken)!.ToArray());

        Assert.Equal("""{"runId":"bt_1","mode":"eth_basis","metrics":{"apy":0.07}}""", json);
    }
}
