using System.Text.Json.Nodes;
using Basis.Configuration.Tree;
using Basis.Core.Settings;
using Basis.Core.Strategies;
using Basis.Orchestrations.Backtests;

namespace Basis.Server.Http;

/// <summary><c>/api/v1/strategies</c>: the modes, one mode, and its merged configuration.</summary>
internal static class StrategyEndpoints
{
    public static void MapStrategyEndpoints(this IEndpointRouteBuilder api)
    {
        var strategies = api.MapGroup("/v1/strategies").WithTags("strategies");
        strategies.MapGet("/", (BacktestWorkspace workspace) =>
        {
            var list = StrategyCatalog.All.Select(mode => Describe(mode, workspace)).ToList();
            return TypedResults.Ok(new { strategies = list, total = list.Count });
        })
        .WithSummary("The strategy modes");

        strategies.MapGet("/{name}", (string name, BacktestWorkspace workspace) =>
            Find(name) is { } mode ? (IResult)TypedResults.Ok(Describe(mode, workspace)) : UnknownMode(name))
        .WithSummary("One strategy mode (by name or alias)");

        strategies.MapGet("/{name}/config", (string name, BacktestWorkspace workspace) =>
        {
            if (Find(name) is not { } mode)
            {
                return (IResult)UnknownMode(name);
            }

            if (!mode.IsImplemented)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{mode.Name} is not built yet: it arrives with {mode.PlannedWith}.");
            }

            var resolved = workspace.Configuration.ResolveMode(mode.Name);
            return TypedResults.Ok(new { name = mode.Name, config_hash = resolved.ConfigHash, config = ToJson(resolved.Merged) });
        })
        .WithSummary("A mode's merged, validated configuration");
    }

    private static StrategyMode? Find(string name)
    {
        try
        {
            return StrategyCatalog.Resolve(name);
        }
        catch (UnknownModeException)
        {
            return StrategyCatalog.All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static IResult UnknownMode(string name) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No strategy mode '{name}'.", detail: "List them at /api/v1/strategies.");

    private static object Describe(StrategyMode mode, BacktestWorkspace workspace) => new
    {
        name = mode.Name,
        aliases = mode.Aliases,
        share_class = mode.ShareClass.Name(),
        implemented = mode.IsImplemented,
        description = mode.IsImplemented ? workspace.Configuration.ResolveMode(mode.Name).Settings.Description : $"not yet: arrives with {mode.PlannedWith}",
    };

    /// <summary>The configuration tree as JSON: scalars stay the text the file holds, so nothing is reinterpreted.</summary>
    private static JsonNode? ToJson(ConfigNode node) => node switch
    {
        ConfigMapping mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Key, ToJson(e.Value)))),
        ConfigSequence sequence => new JsonArray(sequence.Items.Select(ToJson).ToArray()),
        ConfigScalar { IsNull: true } => null,
        ConfigScalar { IsSensitive: true } => JsonValue.Create("(hidden)"),
        ConfigScalar scalar => JsonValue.Create(scalar.Text),
        _ => null,
    };
}
