using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Trading;

namespace Basis.Core.Strategies;

/// <summary>
/// EtherFi seasonal rewards for strategies holding weETH: the reward programs to join, and selling the tokens
/// for ETH (<c>sell_dust</c>) once they are worth more than the dust threshold of equity.
/// </summary>
internal sealed class RewardTokenSales
{
    private static readonly Asset[] Tokens = [Asset.Eigen, Asset.Ethfi];
    private readonly SeasonalRewardsParameters _parameters;

    public RewardTokenSales(ModeSettings mode, LstToken lst, SeasonalRewardsParameters parameters)
    {
        if (parameters.Enabled && lst != LstToken.WeEth)
        {
            throw new StrategySetupException($"Mode {mode.Mode}: seasonal_rewards are EtherFi rewards and need lst_type: weETH (got {lst.Symbol()}).");
        }

        _parameters = parameters;
        Programs = parameters.Enabled
            ? Tokens.Select(t => new RewardProgram(t, SeriesId.Parse($"rewards/etherfi/{t.Symbol()}"), DataPlan.PriceSeries(mode, t), parameters.IncludeEstimated)).ToList()
            : [];
    }

    /// <summary>The programs joined (empty when rewards are off).</summary>
    public IReadOnlyList<RewardProgram> Programs { get; }

    /// <summary>The wallet balances the rewards land in.</summary>
    public IEnumerable<Instrument> Instruments => Programs.Select(p => InstrumentRegistry.Balance(Venue.Wallet, p.Token));

    /// <summary>Sells each reward token worth more than the dust threshold of equity.</summary>
    public void SellDust(StrategyContext context)
    {
        foreach (var program in Programs)
        {
            var wallet = InstrumentRegistry.Balance(Venue.Wallet, program.Token);
            var amount = context.Quantity(wallet);
            if (amount <= 0)
            {
                continue;
            }

            var share = context.ValueSc(wallet) / context.EquitySc;
            if (share <= _parameters.DustThreshold)
            {
                continue;
            }

            context.Decide(StrategyActions.SellDust, $"{program.Token.Symbol()} rewards are {share:P3} of equity, above the {_parameters.DustThreshold:P3} dust threshold");
            context.Submit(new RewardUnwrap("unwrap the King token's rewards"));
            context.Submit(new DexSale(program.Token, amount, "sell reward tokens for ETH"));
        }
    }
}
