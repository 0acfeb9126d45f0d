using Basis.Live.Safety;
using Basis.Venues.Exchanges;

namespace Basis.Live.Tests.Safety;

public sealed class ExecutionGateTests
{
    private const string PrivateKey = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    private static readonly LiveTradingSettings Switched = LiveTradingSettings.Default with { Enabled = true, ReadOnly = false };
    private static readonly LiveVenueUse OkxOnly = new(new HashSet<ExchangeVenue> { ExchangeVenue.Okx }, UsesChain: false);

    // Every credential of the dev environment, each value a secret the refusals must never show.
    private static readonly Dictionary<string, string> DevCredentials = new()
    {
        ["BASIS_ENVIRONMENT"] = "dev",
        ["BASIS_DEV__CEX__BINANCE_SPOT_API_KEY"] = "spot-key-secret",
        ["BASIS_DEV__CEX__BINANCE_SPOT_API_SECRET"] = "spot-secret-secret",
        ["BASIS_DEV__CEX__BINANCE_FUTURES_API_KEY"] = "futures-key-secret",
        ["BASIS_DEV__CEX__BINANCE_FUTURES_API_SECRET"] = "futures-secret-secret",
        ["BASIS_DEV__CEX__BYBIT_API_KEY"] = "bybit-key-secret",
        ["BASIS_DEV__CEX__BYBIT_API_SECRET"] = "bybit-secret-secret",
        ["BASIS_DEV__CEX__OKX_API_KEY"] = "okx-key-secret",
        ["BASIS_DEV__CEX__OKX_API_SECRET"] = "okx-secret-secret",
        ["BASIS_DEV__CEX__OKX_API_PASSPHRASE"] = "okx-passphrase-secret",
        ["BASIS_DEV__ALCHEMY__PRIVATE_KEY"] = PrivateKey,
    };

    [Fact]
    public void Paper_is_granted_whatever_the_switches()
    {
        var decision = ExecutionGate.Decide(ExecutionKind.Paper, LiveTradingSettings.Default, OkxOnly, _ => null);

        Assert.Equal(ExecutionDecision.Paper, decision);
    }

    [Fact]
    public void Real_is_granted_when_enabled_writable_and_credentialed()
    {
        var everything = new LiveVenueUse(new HashSet<ExchangeVenue>(Enum.GetValues<ExchangeVenue>()), UsesChain: true);

        var decision = ExecutionGate.Decide(ExecutionKind.Real, Switched, everything, Lookup(DevCredentials));

        Assert.Equal(ExecutionKind.Real, decision.Kind);
        Assert.Empty(decision.Refusals);
    }

    [Fact]
    public void The_defaults_keep_real_on_paper_naming_both_switches()
    {
        var decision = ExecutionGate.Decide(ExecutionKind.Real, LiveTradingSettings.Default, OkxOnly, Lookup(DevCredentials));

        Assert.Equal(ExecutionKind.Paper, decision.Kind);
        Assert.Equal(
            ["BASIS_LIVE_TRADING__ENABLED is not true: live trading is switched off.", "BASIS_LIVE_TRADING__READ_ONLY is not false: live trading may only watch."],
            decision.Refusals);
    }

    [Fact]
    public void Enabled_but_read_only_is_refused_for_read_only_alone()
    {
        var decision = ExecutionGate.Decide(ExecutionKind.Real, Switched with { ReadOnly = true }, OkxOnly, Lookup(DevCredentials));

        Assert.Equal(ExecutionKind.Paper, decision.Kind);
        Assert.Equal(["BASIS_LIVE_TRADING__READ_ONLY is not false: live trading may only watch."], decision.Refusals);
    }

    [Fact]
    public void Writable_but_disabled_is_refused_for_enabled_alone()
    {
        var decision = ExecutionGate.Decide(ExecutionKind.Real, Switched with { Enabled = false }, OkxOnly, Lookup(DevCredentials));

        Assert.Equal(["BASIS_LIVE_TRADING__ENABLED is not true: live trading is switched off."], decision.Refusals);
    }

    [Fact]
    public void Without_BASIS_ENVIRONMENT_no_credential_can_be_found()
    {
        var decision = ExecutionGate.Decide(ExecutionKind.Real, Switched, OkxOnly, Lookup(Without("BASIS_ENVIRONMENT")));

        Assert.Equal(ExecutionKind.Paper, decision.Kind);
        Assert.Contains("BASIS_ENVIRONMENT must be dev, staging, production or prod", Assert.Single(decision.Refusals), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_exchange_credential_is_named()
    {
        var decision = ExecutionGate.Decide(ExecutionKind.Real, Switched, OkxOnly, Lookup(Without("BASIS_DEV__CEX__OKX_API_PASSPHRASE")));

        Assert.Equal(["BASIS_DEV__CEX__OKX_API_PASSPHRASE is not set or empty."], decision.Refusals);
    }

    [Fact]
    public void Binance_needs_its_spot_keys_as_well_as_its_futures_keys()
    {
        var binance = new LiveVenueUse(new HashSet<ExchangeVenue> { ExchangeVenue.Binance }, UsesChain: false);

        var decision = ExecutionGate.Decide(ExecutionKind.Real, Switched, binance, Lookup(Without("BASIS_DEV__CEX__BINANCE_SPOT_API_SECRET")));

        Assert.Equal(["BASIS_DEV__CEX__BINANCE_SPOT_API_SECRET is not set or empty."], decision.Refusals);
    }

    [Fact]
    public void Only_the_venues_the_instance_uses_need_credentials()
    {
        var decision = ExecutionGate.Decide(ExecutionKind.Real, Switched, OkxOnly, Lookup(Without("BASIS_DEV__CEX__BYBIT_API_KEY", "BASIS_DEV__ALCHEMY__PRIVATE_KEY")));

        Assert.Equal(ExecutionKind.Real, decision.Kind);
    }

    [Fact]
    public void The_chain_needs_the_private_key_of_the_environment()
    {
        var chain = new LiveVenueUse(new HashSet<ExchangeVenue>(), UsesChain: true);
        var production = new Dictionary<string, string> { ["BASIS_ENVIRONMENT"] = "production", ["BASIS_DEV__ALCHEMY__PRIVATE_KEY"] = PrivateKey };

        var decision = ExecutionGate.Decide(ExecutionKind.Real, Switched, chain, Lookup(production));

        Assert.Equal(["BASIS_PROD__ALCHEMY__PRIVATE_KEY is not set or empty."], decision.Refusals);
    }

    [Fact]
    public void A_malformed_private_key_is_named_without_its_value()
    {
        var chain = new LiveVenueUse(new HashSet<ExchangeVenue>(), UsesChain: true);
        var malformed = new Dictionary<string, string>(DevCredentials) { ["BASIS_DEV__ALCHEMY__PRIVATE_KEY"] = "0xdeadbeef-secret" };

        var decision = ExecutionGate.Decide(ExecutionKind.Real, Switched, chain, Lookup(malformed));

        Assert.Equal(["BASIS_DEV__ALCHEMY__PRIVATE_KEY is not a private key: 64 hex digits, optionally after 0x."], decision.Refusals);
    }

    [Fact]
    public void Every_reason_is_listed_and_no_secret_is_shown()
    {
        var everything = new LiveVenueUse(new HashSet<ExchangeVenue>(Enum.GetValues<ExchangeVenue>()), UsesChain: true);
        var variables = Without("BASIS_DEV__CEX__BYBIT_API_SECRET", "BASIS_DEV__ALCHEMY__PRIVATE_KEY");

        var decision = ExecutionGate.Decide(ExecutionKind.Real, LiveTradingSettings.Default, everything, Lookup(variables));

        Assert.Equal(4, decision.Refusals.Count);
        Assert.Contains("BASIS_DEV__CEX__BYBIT_API_SECRET is not set or empty.", decision.Refusals);
        Assert.Contains("BASIS_DEV__ALCHEMY__PRIVATE_KEY is not set or empty.", decision.Refusals);
        var secrets = variables.Where(kv => kv.Key != "BASIS_ENVIRONMENT").Select(kv => kv.Value).ToList();
        Assert.DoesNotContain(decision.Refusals, r => secrets.Exists(secret => r.Contains(secret, StringComparison.Ordinal)));
    }

    private static Dictionary<string, string> Without(params string[] names) =>
        DevCredentials.Where(kv => !names.Contains(kv.Key)).ToDictionary();

    private static Func<string, string?> Lookup(IReadOnlyDictionary<string, string> variables) => name => variables.GetValueOrDefault(name);
}
