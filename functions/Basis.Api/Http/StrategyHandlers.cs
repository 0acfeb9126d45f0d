using System.Text.Json.Nodes;
using Basis.Configuration.Tree;
using Basis.Core.Settings;
using Basis.Core.Strategies;
using Basis.Orchestrations.Backtests;

namespace Basis.Api.Http;

/// <summary><c>/api/v1/strategies</c>: the modes, one mode, and its merged configuration (both hosts call these).</summary>
public sealed class StrategyHandlers(BacktestWorkspace workspace, ApiAccess access)
{
    /// <summary>GET: every mode.</summary>
    public IResult List(HttpRequest http)
    {
        if (access.Refuse(http, changes: false) is { } refused)
        {
            return refused;
        }

        var list = StrategyCatalog.All.Select(Describe).ToList();
        return TypedResults.Ok(new { strategies = list, total = list.Count });
    }

    /// <summary>GET: one mode, by name or alias.</summary>
    public IResult One(string name, HttpRequest http) =>
        access.Refuse(http, changes: false) ?? (Find(name) is { } mode ? TypedResults.Ok(Describe(mode)) : UnknownMode(name));

    /// <summary>GET: a mode's merged, validated configuration (secrets hidden).</summary>
    public IResult Config(string name, HttpRequest http)
    {
        if (access.Refuse(http, changes: false) is { } refused)
        {
            return refused;
        }

        if (Find(name) is not { } mode)
        {
            return UnknownMode(name);
        }

        if (!mode.IsImplemented)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{mode.Name} is not built yet: it arrives with {mode.PlannedWith}.");
        }

        var resolved = workspace.Configuration.ResolveMode(mode.Name);
        return TypedResults.Ok(new { name = mode.Name, config_hash = resolved.ConfigHash, config = ToJson(resolved.Merged) });
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
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No strategy mode '{ApiProblems.Shown(name)}'.", detail: "List them at /api/v1/strategies.");

    private object Describe(StrategyMode mode) => new
    {
        name = mode.Name,
        aliases = mode.Aliases,
        share_class = mode.ShareClass.Name(),
        family = mode.Family?.Name,
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
