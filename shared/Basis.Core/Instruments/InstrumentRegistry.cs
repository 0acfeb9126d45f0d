using System.Collections.Frozen;

namespace Basis.Core.Instruments;

/// <summary>
/// Every position the platform knows. A key outside this registry is an error, never a silent new balance
/// (the original system declared keys in configs that no code could value).
/// </summary>
public static class InstrumentRegistry
{
    private static readonly List<Instrument> Known = Build();

    private static readonly FrozenDictionary<InstrumentKey, Instrument> ByKey = Known.ToFrozenDictionary(i => i.Key);

    // Resolved once: the hourly loop asks for a perp's margin account several times an hour.
    private static readonly Instrument?[] MarginAccounts = Known
        .Select(i => i.Key.Type == PositionType.Perp ? ByKey[new InstrumentKey(i.Key.Venue, PositionType.BaseToken, Asset.Usdt.Symbol())] : null)
        .ToArray();

    /// <summary>All instruments, indexed by <see cref="Instrument.Id"/>.</summary>
    public static IReadOnlyList<Instrument> All => Known;

    /// <summary>Looks up a key; throws naming the key and listing the known ones.</summary>
    public static Instrument Get(InstrumentKey key) =>
        ByKey.TryGetValue(key, out var instrument)
            ? instrument
            : throw new KeyNotFoundException($"Unknown position key '{key}'. Known keys: {string.Join(", ", Known.Select(i => i.Key))}.");

    /// <summary>Looks up a key given as text.</summary>
    public static Instrument Get(string key) => Get(InstrumentKey.Parse(key));

    /// <summary>The wallet or venue balance of a plain token.</summary>
    public static Instrument Balance(Venue venue, Asset asset) => Get(new InstrumentKey(venue, PositionType.BaseToken, asset.Symbol()));

    /// <summary>The USDT-margined perpetual on <paramref name="asset"/> at a venue.</summary>
    public static Instrument Perp(Venue venue, Asset asset) => Get(new InstrumentKey(venue, PositionType.Perp, asset.Symbol() + "USDT"));

    /// <summary>The venue USDT balance that margins a perp.</summary>
    public static Instrument MarginAccount(Instrument perp)
    {
        ArgumentNullException.ThrowIfNull(perp);
        return MarginAccounts[perp.Id] ?? throw new ArgumentException($"{perp} is not a perp.", nameof(perp));
    }

    /// <summary>The LST as held in the wallet.</summary>
    public static Instrument Lst(LstToken lst) => Get(new InstrumentKey(lst.Issuer(), PositionType.Lst, lst.Symbol()));

    /// <summary>The aToken of an AAVE reserve (<c>USDT</c>, <c>WETH</c>, <c>weETH</c>, <c>wstETH</c>).</summary>
    public static Instrument AToken(string reserve) => Get(new InstrumentKey(Venue.AaveV3, PositionType.AToken, "a" + reserve));

    /// <summary>The variable-debt token of an AAVE reserve.</summary>
    public static Instrument DebtToken(string reserve) => Get(new InstrumentKey(Venue.AaveV3, PositionType.DebtToken, "debt" + reserve));

    private static List<Instrument> Build()
    {
        var list = new List<Instrument>();
        void Add(InstrumentKey key, Asset pricedIn, LstToken? lst = null, string? reserve = null) =>
            list.Add(new Instrument(list.Count, key, pricedIn, lst, reserve));

        foreach (var asset in Enum.GetValues<Asset>())
        {
            Add(new(Venue.Wallet, PositionType.BaseToken, asset.Symbol()), asset);
        }

        foreach (var venue in VenueNames.PerpVenues)
        {
            foreach (var asset in new[] { Asset.Usdt, Asset.Btc, Asset.Eth })
            {
                Add(new(venue, PositionType.BaseToken, asset.Symbol()), asset);
            }

            foreach (var asset in new[] { Asset.Btc, Asset.Eth })
            {
                Add(new(venue, PositionType.Perp, asset.Symbol() + "USDT"), asset);
            }
        }

        Add(new(Venue.AaveV3, PositionType.AToken, "aUSDT"), Asset.Usdt, reserve: "USDT");
        Add(new(Venue.AaveV3, PositionType.AToken, "aWETH"), Asset.Eth, reserve: "WETH");
        Add(new(Venue.AaveV3, PositionType.AToken, "aweETH"), Asset.Eth, LstToken.WeEth, "weETH");
        Add(new(Venue.AaveV3, PositionType.AToken, "awstETH"), Asset.Eth, LstToken.WstEth, "wstETH");
        Add(new(Venue.AaveV3, PositionType.DebtToken, "debtUSDT"), Asset.Usdt, reserve: "USDT");
        Add(new(Venue.AaveV3, PositionType.DebtToken, "debtWETH"), Asset.Eth, reserve: "WETH");
        Add(new(Venue.EtherFi, PositionType.Lst, "weETH"), Asset.Eth, LstToken.WeEth);
        Add(new(Venue.Lido, PositionType.Lst, "wstETH"), Asset.Eth, LstToken.WstEth);
        return list;
    }
}
