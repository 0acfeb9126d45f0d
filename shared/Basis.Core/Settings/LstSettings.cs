using Basis.Core.Instruments;

namespace Basis.Core.Settings;

/// <summary>A liquid staking token's protocol parameters (configs/venues/etherfi.yaml, lido.yaml).</summary>
/// <param name="Lst">The token.</param>
/// <param name="UnstakeDays">Days the protocol's withdrawal queue takes.</param>
/// <param name="DexPair">The execution-cost and pool-fee pair for selling it on a DEX (e.g. <c>ETH_weETH</c>).</param>
public sealed record LstSettings(LstToken Lst, double UnstakeDays, string DexPair);
