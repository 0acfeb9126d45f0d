using System.Globalization;
using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Trading;

namespace Basis.Core.Strategies;

/// <summary>
/// Supplies the whole share class to AAVE v3 (USDT, or ETH as WETH) and lets the liquidity index compound it.
/// Idle funds above the deviation threshold are supplied; there is no debt, so no health factor to defend.
/// </summary>
public sealed class PureLendingStrategy : IStrategy
{
    private readonly Asset _asset;
    private readonly double _threshold;
    private readonly Instrument _wallet;
    private readonly Instrument _aToken;

    /// <summary>Creates the strategy for a lending mode.</summary>
    public PureLendingStrategy(ModeSettings mode, LendingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Asset != mode.ShareClass.Asset())
        {
            throw new StrategySetupException($"Mode {mode.Mode} lends {parameters.Asset.Symbol()} but reports in {mode.ShareClass.Name()}; pure lending lends the share class' own asset.");
        }

        Mode = mode.Mode;
        _asset = parameters.Asset;
        _threshold = parameters.PositionDeviationThreshold;
        _wallet = InstrumentRegistry.Balance(Venue.Wallet, _asset);
        _aToken = InstrumentRegistry.AToken(_asset == Asset.Eth ? "WETH" : _asset.Symbol());
        Instruments = new[] { _wallet, _aToken, InstrumentRegistry.Balance(Venue.Wallet, Asset.Eth) }.Distinct().ToList();
    }

    /// <inheritdoc />
    public string Mode { get; }

    /// <inheritdoc />
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <inheritdoc />
    public Asset? RiskAsset => _asset == Asset.Usdt ? null : _asset;

    /// <inheritdoc />
    public IReadOnlyList<RewardProgram> Rewards => [];

    /// <inheritdoc />
    public void OnHour(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var idle = context.Quantity(_wallet);
        if (_asset == Asset.Eth)
        {
            // The wallet's ETH also pays the supply's gas.
            idle -= context.GasCostEth(GasOperation.CollateralSupplied);
        }

        if (idle <= 0)
        {
            return;
        }

        if (context.IsEntry)
        {
            context.Decide(StrategyActions.EntryFull, $"supply the capital ({Format(idle)} {_asset.Symbol()}) to AAVE");
        }
        else
        {
            var share = idle * context.PriceSc(_asset) / context.EquitySc;
            if (share <= _threshold)
            {
                return;
            }

            context.Decide(StrategyActions.EntryPartial, $"idle {_asset.Symbol()} is {share:P2} of equity, above the {_threshold:P2} threshold");
        }

        context.Submit(new AaveSupply(_aToken, idle, "lend idle funds"));
    }

    /// <inheritdoc />
    public void RaiseCash(StrategyContext context, double amountSc, string purpose)
    {
        ArgumentNullException.ThrowIfNull(context);
        var amount = (amountSc / context.PriceSc(_asset)) - context.Quantity(_wallet);
        if (_asset == Asset.Eth)
        {
            amount += context.GasCostEth(GasOperation.CollateralWithdrawn);
        }

        amount = Math.Min(amount, context.UnderlyingUnits(_aToken));
        context.Decide(StrategyActions.ExitPartial, $"withdraw {Format(amount)} {_asset.Symbol()} from AAVE for {purpose}");
        context.Submit(new AaveWithdraw(_aToken, amount, purpose));
    }

    /// <inheritdoc />
    /// <remarks>Pure lending decides from its positions alone.</remarks>
    public void WriteState(BinaryWriter writer) => ArgumentNullException.ThrowIfNull(writer);

    /// <inheritdoc />
    public void ReadState(BinaryReader reader) => ArgumentNullException.ThrowIfNull(reader);

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
