using System.Globalization;
using Basis.Api.Live;
using Basis.Live.Safety;
using Basis.Orchestrations.Backtests;

namespace Basis.Api.Http;

/// <summary>
/// The request bodies of <c>/api/v1/live</c>, read field by field as the backtest API reads its own (snake_case, every
/// bad field named, unknown fields refused), after one check that comes first: no credential anywhere in the body.
/// </summary>
internal static class LiveRequests
{
    public const string CredentialsTitle = "Credentials are never accepted in requests.";

    /// <summary>Where credentials go instead: the variables <see cref="ExecutionGate"/> reads.</summary>
    public const string CredentialsDetail =
        "Nothing was stored. Credentials go in the server's environment only, for the environment BASIS_ENVIRONMENT names: "
        + "BASIS_{DEV|STAGING|PROD}__CEX__{BINANCE_FUTURES|BINANCE_SPOT|BYBIT|OKX}_API_KEY and _API_SECRET (OKX also _API_PASSPHRASE) for the exchanges, "
        + "BASIS_{DEV|STAGING|PROD}__ALCHEMY__PRIVATE_KEY for Ethereum.";

    // Compared without case, '_' or '-': apiKey, API-KEY and api_key are one name.
    private static readonly string[] CredentialWords = ["apikey", "apisecret", "secret", "privatekey", "passphrase", "password", "mnemonic", "seedphrase", "accesstoken", "credential"];

    /// <summary>True for a property name that holds, or may hold, a credential.</summary>
    public static bool IsCredentialName(string name)
    {
        var folded = name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return CredentialWords.Any(word => folded.Contains(word, StringComparison.Ordinal));
    }

    /// <summary>Reads a create request; on success <see cref="RequestBody.Errors"/> is empty.</summary>
    public static LiveCreateRequest? ReadCreate(RequestBody body)
    {
        var name = body.String("name", required: true);
        var mode = body.String("mode", required: true);
        var capital = body.Number("capital");
        var shareClass = body.String("share_class");
        var venues = body.Strings("venues") ?? [];

        var execution = body.String("execution") switch
        {
            null or "paper" => ExecutionKind.Paper,
            "real" => ExecutionKind.Real,
            var other => Refuse(body, "execution", $"must be \"paper\" or \"real\" (got \"{ApiProblems.Shown(other)}\")"),
        };
        var limits = body.Object("limits", l => (
            MaxTradeSize: l.Decimal("max_trade_size_usd"),
            StopLoss: l.Decimal("emergency_stop_loss_pct"),
            HealthFactorFloor: l.Decimal("health_factor_floor"),
            MarginRatioFloor: l.Decimal("margin_ratio_floor")));
        body.RejectUnknown();
        return body.Errors.Count == 0
            ? new LiveCreateRequest(name!, mode!, venues, capital, shareClass, execution, limits.MaxTradeSize, limits.StopLoss, limits.HealthFactorFloor, limits.MarginRatioFloor)
            : null;
    }

    /// <summary>Reads a start request: <c>acknowledge_halt</c> (default false).</summary>
    public static bool ReadStart(RequestBody body)
    {
        var acknowledge = body.Boolean("acknowledge_halt") ?? false;
        body.RejectUnknown();
        return acknowledge;
    }

    /// <summary>Reads a deposit or withdrawal: <c>amount</c>, positive, in share-class units.</summary>
    public static decimal ReadAmount(RequestBody body)
    {
        var amount = body.Decimal("amount");
        var most = (decimal)BacktestWorkspace.MaxAmount;
        if (amount is null)
        {
            body.AddError("amount", "is required: a positive amount in the instance's share-class units");
        }
        else if (!(amount > 0 && amount <= most))
        {
            body.AddError("amount", $"must be more than 0 and at most {most.ToString("N0", CultureInfo.InvariantCulture)}");
        }

        body.RejectUnknown();
        return amount ?? 0;
    }

    private static ExecutionKind Refuse(RequestBody body, string field, string message)
    {
        body.AddError(field, message);
        return ExecutionKind.Paper;
    }
}
