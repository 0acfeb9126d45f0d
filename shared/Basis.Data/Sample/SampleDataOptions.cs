using Basis.Core.Market;
using Basis.Core.Time;

namespace Basis.Data.Sample;

/// <summary>
/// Every parameter of the sample data set, in one place. The defaults put every quantity at its early-2025 level
/// and noise as the original system's data recorded them (the paths themselves are random); change one with <c>with</c>:
/// <c>SampleDataOptions.Default with { Seed = 7 }</c>. The same options always produce the same bytes.
/// <para>
/// Processes are discrete-time mean-reverting (AR(1)) series stepped hourly; "half-life" is the time for a
/// deviation from the mean to halve, and "sd" is the stationary standard deviation.
/// </para>
/// </summary>
public sealed record SampleDataOptions
{
    /// <summary>The defaults.</summary>
    public static SampleDataOptions Default { get; } = new();

    // ---- Period and seed ------------------------------------------------------------------------------------

    /// <summary>
    /// Seed of every random stream. 2025 is one of the first seeds tried whose every price path ends within two
    /// standard deviations of its start (20250101 sent ETHFI/ETH down 86%, a 4σ path): the default sample should
    /// look like an ordinary quarter, not a crash.
    /// </summary>
    public ulong Seed { get; init; } = 2025;

    /// <summary>First hour of the sample (inclusive, a whole UTC hour).</summary>
    public DateTime StartUtc { get; init; } = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>End of the sample (exclusive, a whole UTC hour).</summary>
    public DateTime EndUtc { get; init; } = new(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    // ---- Prices ---------------------------------------------------------------------------------------------

    /// <summary>
    /// BTC in USDT: ~94,000 on 2025-01-01, 45% annual volatility, quoted to the cent. Volumes are the reference
    /// data's January 2025 levels (Binance spot 300–750 BTC an hour, Bybit perp 1,100–3,200).
    /// </summary>
    public SampleAsset Btc { get; init; } = new("BTC", StartPrice: 94_000, AnnualVolatility: 0.45, MarketFactorCorrelation: 0.9, PriceDecimals: 2,
        SpotMarkets:
        [
            new("spot/binance/BTCUSDT", AverageHourlyVolume: 600, NoiseBps: 1.5),
            new("spot/bybit/BTCUSDT", AverageHourlyVolume: 400, NoiseBps: 2),
        ],
        PerpMarkets:
        [
            new("binance", "BTCUSDT", AverageHourlyVolume: 8_000, MarkNoiseBps: 1, FundingDeviationSd: 1.5e-5),
            new("bybit", "BTCUSDT", AverageHourlyVolume: 2_500, MarkNoiseBps: 1.5, FundingDeviationSd: 2.5e-5),
            new("okx", "BTCUSDT", AverageHourlyVolume: 3_000, MarkNoiseBps: 1.5, FundingDeviationSd: 3e-5),
        ]);

    /// <summary>
    /// ETH in USDT: ~3,300 on 2025-01-01, 60% annual volatility. The Uniswap v3 WETH/USDT pool sits further from
    /// the common path than the order books, as an AMM only moves when someone trades it. OKX's funding is the
    /// noisiest of the three, as in the reference data; Binance's the smoothest.
    /// </summary>
    public SampleAsset Eth { get; init; } = new("ETH", StartPrice: 3_300, AnnualVolatility: 0.60, MarketFactorCorrelation: 0.9, PriceDecimals: 2,
        SpotMarkets:
        [
            new("spot/binance/ETHUSDT", AverageHourlyVolume: 12_000, NoiseBps: 1.5),
            new("spot/bybit/ETHUSDT", AverageHourlyVolume: 4_000, NoiseBps: 2),
            new("spot/uniswap/WETHUSDT", AverageHourlyVolume: 150, NoiseBps: 5),
        ],
        PerpMarkets:
        [
            new("binance", "ETHUSDT", AverageHourlyVolume: 50_000, MarkNoiseBps: 1, FundingDeviationSd: 1.5e-5),
            new("bybit", "ETHUSDT", AverageHourlyVolume: 25_000, MarkNoiseBps: 1.5, FundingDeviationSd: 2.5e-5),
            new("okx", "ETHUSDT", AverageHourlyVolume: 30_000, MarkNoiseBps: 1.5, FundingDeviationSd: 3e-5),
        ]);

    /// <summary>
    /// EIGEN in WETH from its Uniswap v3 pool: ~0.0012 ETH, 110% volatility against ETH, nine decimals (seven
    /// significant digits). The only venue, so no venue noise.
    /// </summary>
    public SampleAsset EigenInEth { get; init; } = new("EIGEN-ETH", StartPrice: 0.0012, AnnualVolatility: 1.10, MarketFactorCorrelation: 0.3, PriceDecimals: 9,
        SpotMarkets: [new("spot/uniswap/EIGENWETH", AverageHourlyVolume: 5_000, NoiseBps: 0)],
        PerpMarkets: []);

    /// <summary>ETHFI in WETH from its Uniswap v3 pool: ~0.0006 ETH, 100% volatility against ETH.</summary>
    public SampleAsset EthfiInEth { get; init; } = new("ETHFI-ETH", StartPrice: 0.0006, AnnualVolatility: 1.00, MarketFactorCorrelation: 0.3, PriceDecimals: 9,
        SpotMarkets: [new("spot/uniswap/ETHFIWETH", AverageHourlyVolume: 1_500, NoiseBps: 0)],
        PerpMarkets: []);

    /// <summary>
    /// Standard deviation of the log of the shared volatility multiplier (volatility clustering: calm and
    /// turbulent spells move every asset together). The multiplier is scaled so its square averages 1 over the
    /// sample: each asset's realised volatility is its <see cref="SampleAsset.AnnualVolatility"/>, give or take
    /// the noise of 2,000-odd hourly returns.
    /// </summary>
    public double VolatilityRegimeSd { get; init; } = 0.3;

    /// <summary>Half-life of a volatility spell, in hours.</summary>
    public double VolatilityRegimeHalfLifeHours { get; init; } = 48;

    /// <summary>Decimals volumes are published with.</summary>
    public int VolumeDecimals { get; init; } = 3;

    /// <summary>Standard deviation of the log of hourly volume around its median (besides its link to |return|).</summary>
    public double VolumeLogSd { get; init; } = 0.45;

    // ---- Perp basis and funding -----------------------------------------------------------------------------

    /// <summary>
    /// Long-run mean of each asset's funding pressure, per funding interval: 1e-4 per 8 h, the venues' baseline
    /// interest component and the most common published rate.
    /// </summary>
    public double FundingMean { get; init; } = 1e-4;

    /// <summary>Standard deviation of the funding pressure; with the mean it leaves ~10% of hours negative, in stretches.</summary>
    public double FundingSd { get; init; } = 8e-5;

    /// <summary>Half-life of the funding pressure, in hours.</summary>
    public double FundingHalfLifeHours { get; init; } = 72;

    /// <summary>Half-life of a venue's own funding deviation, in hours.</summary>
    public double FundingVenueHalfLifeHours { get; init; } = 8;

    /// <summary>Hours between funding times; rows fall where Unix hour % interval = 0 (00:00, 08:00, 16:00 UTC).</summary>
    public int FundingIntervalHours { get; init; } = 8;

    /// <summary>Largest magnitude a venue publishes per interval (exchanges cap funding; 0.75% is Binance's and Bybit's cap for these pairs).</summary>
    public double FundingCap { get; init; } = 0.0075;

    /// <summary>Decimals funding rates are published with (1e-8: four significant digits at 1e-4).</summary>
    public int FundingDecimals { get; init; } = 8;

    /// <summary>
    /// Perp premium over spot per unit of funding pressure: mark = spot × (1 + BasisPerFunding × funding + noise),
    /// so the 1e-4 mean funding gives a 3 bp premium and negative funding a discount.
    /// </summary>
    public double BasisPerFunding { get; init; } = 3;

    /// <summary>Standard deviation of the asset-wide basis around its funding-implied level, in basis points.</summary>
    public double BasisNoiseBps { get; init; } = 2;

    /// <summary>Half-life of the basis noise, in hours.</summary>
    public double BasisNoiseHalfLifeHours { get; init; } = 6;

    // ---- AAVE -----------------------------------------------------------------------------------------------

    /// <summary>
    /// AAVE v3 Ethereum reserves. Starting indices are the real 2025-01-01 levels; rate ranges are typical of
    /// 2024–25 (Q1 2025 itself saw USDT supply fall from 7.5% to 2.7%, and weETH supply as low as 0.001%).
    /// Indices compound hourly: index(h+1) = index(h) × (1 + rate(h) / 8760), AAVE's
    /// 365-day year, with rate(h) the APR published in row h.
    /// </summary>
    public IReadOnlyList<SampleAaveReserve> AaveReserves { get; init; } =
    [
        //  asset      liquidity  borrow     supply APR         borrow APR
        //             index      index      min      max       min     max
        new("USDT",    1.1057,    1.1415,    0.05,    0.09,     0.06,   0.11),
        new("WETH",    1.0375,    1.0603,    0.015,   0.025,    0.022,  0.032),
        new("weETH",   1.00098,   1.0147,    0.0001,  0.001,    0.005,  0.015),
        new("wstETH",  1.00072,   1.00786,   0.0001,  0.0005,   0.002,  0.01),
    ];

    /// <summary>Half-life of the utilisation pressure that drives both rates of a reserve, in hours (ten days).</summary>
    public double AaveRateHalfLifeHours { get; init; } = 240;

    /// <summary>Hour-to-hour jitter of the utilisation pressure (its stationary sd is 1), from borrows and repays.</summary>
    public double AaveRateJitter { get; init; } = 0.05;

    /// <summary>Decimals rates are published with.</summary>
    public int AaveRateDecimals { get; init; } = 8;

    // ---- Oracles and LST pegs -------------------------------------------------------------------------------

    /// <summary>Standard deviation of the AAVE ETH-USD oracle around the common ETH path, in basis points.</summary>
    public double EthUsdOracleNoiseBps { get; init; } = 3;

    /// <summary>
    /// Liquid staking tokens. weETH starts at the real 2025-01-01 oracle rate 1.0565 and grows ~2.8%/yr (the
    /// original data's average weETH APR 2.76%); wstETH ~1.189 and ~3%/yr. Peg premiums follow the original
    /// data's summaries (weETH mean −0.069%, sd 0.079%; wstETH mean −0.05% to −0.07%, sd ~0.06%).
    /// </summary>
    public IReadOnlyList<SampleLiquidStakingToken> LiquidStakingTokens { get; init; } =
    [
        //  symbol     oracle     staking APR        peg premium
        //             start      mean     sd        mean      sd
        new("weETH",   1.0565,    0.028,   0.004,    -0.0007,  0.0008),
        new("wstETH",  1.1893,    0.030,   0.004,    -0.0005,  0.0006),
    ];

    /// <summary>
    /// Relative standard deviation of each hour's staking accrual (the oracle is a ratio of two price feeds, so
    /// its hourly steps are uneven); an hour's accrual is never below zero, so the exchange rate never falls.
    /// </summary>
    public double StakingAccrualJitter { get; init; } = 0.5;

    /// <summary>Half-life of the staking APR's wander, in hours (a week).</summary>
    public double StakingAprHalfLifeHours { get; init; } = 168;

    /// <summary>Half-life of the peg premium, in hours (the real premiums keep ~0.7–0.8 of a deviation after a day).</summary>
    public double PegPremiumHalfLifeHours { get; init; } = 48;

    /// <summary>Lowest peg premium (a deep depeg); the premium reflects back from this bound.</summary>
    public double PegPremiumMin { get; init; } = -0.006;

    /// <summary>Highest peg premium; arbitrage through minting caps how far above the oracle the market can trade.</summary>
    public double PegPremiumMax { get; init; } = 0.001;

    /// <summary>Decimals of oracle and market exchange rates (1e-10: the hourly staking accrual of ~3e-6 is resolved).</summary>
    public int ExchangeRateDecimals { get; init; } = 10;

    // ---- Gas ------------------------------------------------------------------------------------------------

    /// <summary>Median base fee in gwei, before the intraday shape (the original data's median is 5.3).</summary>
    public double GasBaseFeeMedianGwei { get; init; } = 5;

    /// <summary>Standard deviation of the log base fee around its intraday level.</summary>
    public double GasBaseFeeLogSd { get; init; } = 0.6;

    /// <summary>Half-life of base-fee swings, in hours.</summary>
    public double GasBaseFeeHalfLifeHours { get; init; } = 12;

    /// <summary>
    /// Base-fee multiplier per UTC hour 0–23: quiet in the Asian night, busiest when US markets open
    /// (shape of the original data's hourly medians, 2024-01 → 2025-09).
    /// </summary>
    public IReadOnlyList<double> GasIntradayShape { get; init; } =
    [
        0.74, 0.74, 0.72, 0.67, 0.69, 0.55, 0.55, 0.66, 0.64, 0.90, 0.91, 0.87,
        0.88, 1.28, 1.28, 2.07, 2.10, 1.79, 1.80, 1.36, 1.36, 1.11, 1.13, 0.75,
    ];

    /// <summary>Average number of congestion spikes per week (mints, liquidations, airdrops).</summary>
    public double GasSpikesPerWeek { get; init; } = 1.5;

    /// <summary>Smallest spike peak, in gwei.</summary>
    public double GasSpikeMinGwei { get; init; } = 50;

    /// <summary>Largest spike peak, in gwei (peaks are log-uniform between the two).</summary>
    public double GasSpikeMaxGwei { get; init; } = 150;

    /// <summary>Half-life of a spike's decay, in hours.</summary>
    public double GasSpikeHalfLifeHours { get; init; } = 1.5;

    /// <summary>Median of the median priority fee, in gwei.</summary>
    public double PriorityFeeMedianGwei { get; init; } = 0.5;

    /// <summary>Standard deviation of the log median priority fee.</summary>
    public double PriorityFeeLogSd { get; init; } = 0.6;

    /// <summary>Half-life of priority-fee swings, in hours.</summary>
    public double PriorityFeeHalfLifeHours { get; init; } = 6;

    /// <summary>Smallest ratio of the 25th to the 50th percentile priority fee (real medians: 0.08 against 0.5 gwei).</summary>
    public double PriorityFeeP25RatioMin { get; init; } = 0.05;

    /// <summary>Largest ratio of the 25th to the 50th percentile priority fee.</summary>
    public double PriorityFeeP25RatioMax { get; init; } = 0.5;

    /// <summary>Smallest ratio of the 75th to the 50th percentile priority fee (real medians: 1.39 against 0.5 gwei).</summary>
    public double PriorityFeeP75RatioMin { get; init; } = 1.2;

    /// <summary>Largest ratio of the 75th to the 50th percentile priority fee.</summary>
    public double PriorityFeeP75RatioMax { get; init; } = 2.5;

    /// <summary>Floor of every priority-fee percentile, in gwei.</summary>
    public double PriorityFeeMinGwei { get; init; } = 0.01;

    /// <summary>Ceiling of every priority-fee percentile, in gwei.</summary>
    public double PriorityFeeMaxGwei { get; init; } = 5;

    /// <summary>Decimals gas prices are published with.</summary>
    public int GasDecimals { get; init; } = 2;

    // ---- Ether.fi rewards -----------------------------------------------------------------------------------

    /// <summary>
    /// Start of one weekly EIGEN earning period; all others are whole weeks from it. 2024-12-29 is the Sunday
    /// the real period covering 2025-01-01 started, so the first sample payout's period starts before the sample.
    /// </summary>
    public DateTime EigenPeriodAnchorUtc { get; init; } = new(2024, 12, 29, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Length of an EIGEN earning period in days; payout at the period's end.</summary>
    public int EigenPeriodDays { get; init; } = 7;

    /// <summary>EIGEN per eETH for the first period paid in the sample (real weekly figures: 0.178–0.205).</summary>
    public double EigenPerEethStart { get; init; } = 0.19;

    /// <summary>Standard deviation of the week-to-week change of EIGEN per eETH.</summary>
    public double EigenPerEethWeeklySd { get; init; } = 0.003;

    /// <summary>Lowest EIGEN per eETH per period.</summary>
    public double EigenPerEethMin { get; init; } = 0.17;

    /// <summary>Highest EIGEN per eETH per period.</summary>
    public double EigenPerEethMax { get; init; } = 0.20;

    /// <summary>Number of ETHFI top-ups paid in the sample, spread evenly over it.</summary>
    public int EthfiTopUps { get; init; } = 2;

    /// <summary>Smallest ETHFI per eETH of a top-up (real: 0.013–0.248).</summary>
    public double EthfiPerEethMin { get; init; } = 0.01;

    /// <summary>Largest ETHFI per eETH of a top-up.</summary>
    public double EthfiPerEethMax { get; init; } = 0.25;

    /// <summary>Longest ETHFI earning period, in weeks (each is 1 to this many weeks).</summary>
    public int EthfiPeriodWeeksMax { get; init; } = 3;

    /// <summary>Shortest delay from the end of an ETHFI earning period to its payout, in days.</summary>
    public int EthfiPayoutDelayDaysMin { get; init; } = 7;

    /// <summary>Longest delay from the end of an ETHFI earning period to its payout, in days.</summary>
    public int EthfiPayoutDelayDaysMax { get; init; } = 14;

    /// <summary>Decimals of tokens per eETH.</summary>
    public int RewardDecimals { get; init; } = 4;

    // ---- Benchmark ------------------------------------------------------------------------------------------

    /// <summary>Long-run mean of the Ethena sUSDe APY (it was ~11–12% in January 2025 and ~7.6% by September).</summary>
    public double SusdeApyMean { get; init; } = 0.095;

    /// <summary>Standard deviation of the sUSDe APY.</summary>
    public double SusdeApySd { get; init; } = 0.012;

    /// <summary>Half-life of the sUSDe APY's wander, in days.</summary>
    public double SusdeApyHalfLifeDays { get; init; } = 14;

    /// <summary>Lowest sUSDe APY; the APY reflects back from this bound.</summary>
    public double SusdeApyMin { get; init; } = 0.07;

    /// <summary>Highest sUSDe APY.</summary>
    public double SusdeApyMax { get; init; } = 0.12;

    /// <summary>Decimals of the APY (as a fraction; 4 = hundredths of a percent, as published).</summary>
    public int SusdeApyDecimals { get; init; } = 4;

    /// <summary>The assets whose paths are simulated, in stream order.</summary>
    internal IEnumerable<SampleAsset> Assets => [Btc, Eth, EigenInEth, EthfiInEth];

    /// <summary>Every problem with these options, each naming the parameter; empty when they can be generated.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Require(bool ok, string error)
        {
            if (!ok)
            {
                errors.Add(error);
            }
        }

        Require(HourGrid.IsWholeUtcHour(StartUtc), $"StartUtc must be a whole UTC hour, got {StartUtc:O} ({StartUtc.Kind}).");
        Require(HourGrid.IsWholeUtcHour(EndUtc), $"EndUtc must be a whole UTC hour, got {EndUtc:O} ({EndUtc.Kind}).");
        Require(EndUtc > StartUtc, $"EndUtc {EndUtc:O} must be after StartUtc {StartUtc:O}.");

        var seriesSeen = new HashSet<string>(StringComparer.Ordinal);
        void RequireSeries(string text, SeriesKind kind, string owner)
        {
            if (!SeriesId.TryParse(text, out var id, out var error))
            {
                errors.Add($"{owner}: {error}.");
            }
            else if (id.Kind != kind)
            {
                errors.Add($"{owner}: '{text}' must be a {SeriesCatalog.Spec(kind).Name} series.");
            }
            else if (!seriesSeen.Add(text))
            {
                errors.Add($"{owner}: series '{text}' is generated twice.");
            }
        }

        foreach (var (name, asset) in new[] { (nameof(Btc), Btc), (nameof(Eth), Eth), (nameof(EigenInEth), EigenInEth), (nameof(EthfiInEth), EthfiInEth) })
        {
            Require(asset.StartPrice > 0, $"{name}.StartPrice must be positive, got {asset.StartPrice}.");
            Require(asset.AnnualVolatility is > 0 and < 5, $"{name}.AnnualVolatility must be in (0, 5), got {asset.AnnualVolatility}.");
            Require(asset.MarketFactorCorrelation is >= -1 and <= 1, $"{name}.MarketFactorCorrelation must be in [-1, 1], got {asset.MarketFactorCorrelation}.");
            Require(asset.PriceDecimals is >= 0 and <= 12, $"{name}.PriceDecimals must be in [0, 12], got {asset.PriceDecimals}.");
            Require(asset.StartPrice * Math.Pow(10, asset.PriceDecimals) >= 100,
                $"{name}.PriceDecimals {asset.PriceDecimals} leave fewer than three significant digits at {asset.StartPrice}.");
            foreach (var market in asset.SpotMarkets)
            {
                RequireSeries(market.Series, SeriesKind.Spot, $"{name}.SpotMarkets");
                Require(market.AverageHourlyVolume > 0 && market.NoiseBps >= 0, $"{name}.SpotMarkets '{market.Series}': AverageHourlyVolume must be positive and NoiseBps not negative.");
            }

            foreach (var market in asset.PerpMarkets)
            {
                RequireSeries(market.PerpSeries, SeriesKind.Perp, $"{name}.PerpMarkets");
                RequireSeries(market.FundingSeries, SeriesKind.Funding, $"{name}.PerpMarkets");
                Require(market.AverageHourlyVolume > 0 && market.MarkNoiseBps >= 0 && market.FundingDeviationSd >= 0,
                    $"{name}.PerpMarkets '{market.PerpSeries}': AverageHourlyVolume must be positive, MarkNoiseBps and FundingDeviationSd not negative.");
            }
        }

        Require(VolatilityRegimeSd >= 0 && VolatilityRegimeHalfLifeHours > 0, "VolatilityRegimeSd must not be negative and VolatilityRegimeHalfLifeHours must be positive.");
        Require(VolumeDecimals is >= 0 and <= 12 && VolumeLogSd >= 0, "VolumeDecimals must be in [0, 12] and VolumeLogSd not negative.");
        Require(FundingSd >= 0 && FundingHalfLifeHours > 0 && FundingVenueHalfLifeHours > 0, "FundingSd must not be negative and the funding half-lives must be positive.");
        Require(FundingIntervalHours is >= 1 and <= 24 && 24 % FundingIntervalHours == 0, $"FundingIntervalHours must divide 24, got {FundingIntervalHours}.");
        Require(FundingCap is > 0 and <= 0.05, $"FundingCap must be in (0, 0.05] (the catalog's limit), got {FundingCap}.");
        Require(FundingDecimals is >= 4 and <= 12, $"FundingDecimals must be in [4, 12], got {FundingDecimals}.");
        Require(BasisNoiseBps >= 0 && BasisNoiseHalfLifeHours > 0, "BasisNoiseBps must not be negative and BasisNoiseHalfLifeHours must be positive.");

        var reservesSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reserve in AaveReserves)
        {
            var owner = $"AaveReserves '{reserve.Asset}'";
            RequireSeries($"aave/ethereum/{reserve.Asset}", SeriesKind.Aave, owner);
            Require(reservesSeen.Add(reserve.Asset), $"{owner} is listed twice.");
            Require(reserve.LiquidityIndexStart >= 1 && reserve.BorrowIndexStart >= 1, $"{owner}: indices start at 1 or above.");
            Require(reserve.SupplyRateMin >= 0 && reserve.SupplyRateMin <= reserve.SupplyRateMax && reserve.BorrowRateMin <= reserve.BorrowRateMax && reserve.BorrowRateMax <= 10,
                $"{owner}: rate ranges must satisfy 0 <= min <= max <= 10.");
            Require(reserve.BorrowRateMin - reserve.SupplyRateMin >= 1e-6 && reserve.BorrowRateMax - reserve.SupplyRateMax >= 1e-6,
                $"{owner}: BorrowRateMin and BorrowRateMax must exceed SupplyRateMin and SupplyRateMax, so borrowing always costs more than supplying earns.");
        }

        Require(AaveRateHalfLifeHours > 0 && AaveRateJitter >= 0, "AaveRateHalfLifeHours must be positive and AaveRateJitter not negative.");
        Require(AaveRateDecimals is >= 6 and <= 12, $"AaveRateDecimals must be in [6, 12], got {AaveRateDecimals}.");
        Require(EthUsdOracleNoiseBps >= 0, "EthUsdOracleNoiseBps must not be negative.");

        foreach (var token in LiquidStakingTokens)
        {
            var owner = $"LiquidStakingTokens '{token.Symbol}'";
            RequireSeries($"oracle/aave/{token.Symbol}-ETH", SeriesKind.Oracle, owner);
            RequireSeries($"peg/{token.Symbol}", SeriesKind.Peg, owner);
            Require(token.OracleRateStart is > 0.5 and < 1.9, $"{owner}: OracleRateStart must be in (0.5, 1.9), got {token.OracleRateStart}.");
            Require(token.StakingAprMean is >= 0 and < 0.5 && token.StakingAprSd >= 0, $"{owner}: StakingAprMean must be in [0, 0.5) and StakingAprSd not negative.");
            Require(token.PegPremiumMean > PegPremiumMin && token.PegPremiumMean < PegPremiumMax && token.PegPremiumSd >= 0,
                $"{owner}: PegPremiumMean must lie inside (PegPremiumMin, PegPremiumMax) and PegPremiumSd must not be negative.");
        }

        Require(StakingAprHalfLifeHours > 0 && PegPremiumHalfLifeHours > 0 && StakingAccrualJitter >= 0,
            "StakingAprHalfLifeHours and PegPremiumHalfLifeHours must be positive and StakingAccrualJitter not negative.");
        Require(PegPremiumMin is > -0.2 and < 0 && PegPremiumMax is > 0 and < 0.2, "PegPremiumMin must be in (-0.2, 0) and PegPremiumMax in (0, 0.2).");
        Require(ExchangeRateDecimals is >= 6 and <= 12, $"ExchangeRateDecimals must be in [6, 12], got {ExchangeRateDecimals}.");

        Require(GasBaseFeeMedianGwei > 0 && GasBaseFeeLogSd >= 0 && GasBaseFeeHalfLifeHours > 0, "GasBaseFeeMedianGwei and GasBaseFeeHalfLifeHours must be positive and GasBaseFeeLogSd not negative.");
        Require(GasIntradayShape.Count == 24 && GasIntradayShape.All(m => m > 0), "GasIntradayShape needs 24 positive multipliers, one per UTC hour.");
        Require(GasSpikesPerWeek >= 0 && GasSpikeMinGwei > 0 && GasSpikeMinGwei <= GasSpikeMaxGwei && GasSpikeMaxGwei <= 5_000 && GasSpikeHalfLifeHours > 0,
            "Gas spikes need GasSpikesPerWeek >= 0, 0 < GasSpikeMinGwei <= GasSpikeMaxGwei <= 5000 and a positive half-life.");
        Require(PriorityFeeMedianGwei > 0 && PriorityFeeLogSd >= 0 && PriorityFeeHalfLifeHours > 0 && PriorityFeeMinGwei > 0 && PriorityFeeMinGwei < PriorityFeeMaxGwei,
            "Priority fees need positive median and half-life, a non-negative log sd and 0 < PriorityFeeMinGwei < PriorityFeeMaxGwei.");
        Require(PriorityFeeP25RatioMin > 0 && PriorityFeeP25RatioMin <= PriorityFeeP25RatioMax && PriorityFeeP25RatioMax <= 1 &&
            PriorityFeeP75RatioMin >= 1 && PriorityFeeP75RatioMin <= PriorityFeeP75RatioMax,
            "Priority-fee percentile ratios need 0 < P25RatioMin <= P25RatioMax <= 1 <= P75RatioMin <= P75RatioMax.");
        Require(GasDecimals is >= 1 and <= 9, $"GasDecimals must be in [1, 9], got {GasDecimals}.");

        Require(HourGrid.IsWholeUtcHour(EigenPeriodAnchorUtc) && EigenPeriodDays >= 1, "EigenPeriodAnchorUtc must be a whole UTC hour and EigenPeriodDays at least 1.");
        Require(EigenPerEethMin > 0 && EigenPerEethMin <= EigenPerEethStart && EigenPerEethStart <= EigenPerEethMax && EigenPerEethWeeklySd >= 0,
            "EIGEN per eETH needs 0 < EigenPerEethMin <= EigenPerEethStart <= EigenPerEethMax and a non-negative weekly sd.");
        Require(EthfiTopUps >= 0 && EthfiPerEethMin > 0 && EthfiPerEethMin <= EthfiPerEethMax && EthfiPeriodWeeksMax >= 1 &&
            EthfiPayoutDelayDaysMin >= 0 && EthfiPayoutDelayDaysMin <= EthfiPayoutDelayDaysMax,
            "ETHFI top-ups need EthfiTopUps >= 0, 0 < EthfiPerEethMin <= EthfiPerEethMax, EthfiPeriodWeeksMax >= 1 and 0 <= EthfiPayoutDelayDaysMin <= EthfiPayoutDelayDaysMax.");
        Require(EthfiTopUps <= (EndUtc - StartUtc).TotalDays - 1, $"EthfiTopUps {EthfiTopUps} needs at least one whole day of the period per top-up.");
        Require(RewardDecimals is >= 2 and <= 12, $"RewardDecimals must be in [2, 12], got {RewardDecimals}.");

        Require(SusdeApyMin < SusdeApyMean && SusdeApyMean < SusdeApyMax && SusdeApyMin > -1 && SusdeApyMax <= 10 && SusdeApySd >= 0 && SusdeApyHalfLifeDays > 0,
            "sUSDe needs -1 < SusdeApyMin < SusdeApyMean < SusdeApyMax <= 10, a non-negative sd and a positive half-life.");
        Require(SusdeApyDecimals is >= 2 and <= 12, $"SusdeApyDecimals must be in [2, 12], got {SusdeApyDecimals}.");
        return errors;
    }
}
