using System.Globalization;
using System.Text.RegularExpressions;
using Basis.Venues.MarketData;
using YamlDotNet.RepresentationModel;

namespace Basis.Venues.Ethereum;

/// <summary>
/// The contracts of one chain as <c>configs/venues/ethereum_contracts.yaml</c> (or a file laid out like it, for a test
/// chain) lists them: the AAVE v3 pool, EtherFi's liquidity pool, Uniswap's router and fee tiers, and the tokens, by
/// their canonical symbols. Only what the file lists is here: an address is never guessed.
/// </summary>
/// <param name="ChainId">The chain id the addresses belong to.</param>
/// <param name="Name">The chain's name in the file (<c>mainnet</c>), or its id when it gives none.</param>
/// <param name="AavePool">The AAVE v3 Pool proxy, when listed.</param>
/// <param name="Tokens">Canonical symbol (<c>USDT</c>, <c>WETH</c>, <c>wstETH</c>…) → the token's contract.</param>
public sealed partial record ChainContracts(long ChainId, string Name, string? AavePool, IReadOnlyDictionary<string, string> Tokens)
{
    /// <summary>The repository's file, under the configs folder.</summary>
    public const string RelativePath = "venues/ethereum_contracts.yaml";

    /// <summary>The file's token keys with their canonical symbols, those that can be AAVE reserves first.</summary>
    public static IReadOnlyList<(string Key, string Symbol)> TokenKeys { get; } =
        [("usdt", "USDT"), ("weth", "WETH"), ("weeth", "weETH"), ("wsteth", "wstETH"), ("steth", "stETH"), ("eeth", "eETH")];

    /// <summary>The tokens the strategies hold as AAVE reserves (supplied or borrowed), by their file keys.</summary>
    public static IReadOnlyList<(string Key, string Symbol)> AaveReserveKeys { get; } = [.. TokenKeys.Take(4)];

    /// <summary>EtherFi's LiquidityPool (ETH deposited there becomes eETH), when listed.</summary>
    public string? EtherFiLiquidityPool { get; init; }

    /// <summary>Uniswap v3's SwapRouter (v3-periphery's, whose parameters carry a deadline), when listed.</summary>
    public string? UniswapSwapRouter { get; init; }

    /// <summary>
    /// The fee tier (hundredths of a basis point) of the pool each pair is swapped through, by the pair's canonical symbols
    /// (<c>WETH/USDT</c>): the file's <c>uniswap_v3.fee_tiers</c>, a pair not listed is not swapped.
    /// </summary>
    public IReadOnlyDictionary<string, uint> UniswapFeeTiers { get; init; } = new Dictionary<string, uint>();

    /// <summary>
    /// The AAVE v3 eMode category of ETH and its staking tokens (the file's <c>aave_v3.eth_emode_category</c>), which
    /// an account enters to borrow WETH against an LST at the loop's LTV; null when not listed.
    /// </summary>
    public byte? AaveEthEModeCategory { get; init; }

    /// <summary>Uniswap v3's fee tiers.</summary>
    private static readonly uint[] FeeTiers = [100, 500, 3000, 10000];

    /// <summary>The network segment of series ids: <c>ethereum</c> for mainnet, else the chain's own name, so a test chain never files into mainnet's series.</summary>
    public string Network => ChainId == 1 ? "ethereum" : Name.ToLowerInvariant();

    /// <summary>The listed tokens that are AAVE reserves, by canonical symbol.</summary>
    public IReadOnlyDictionary<string, string> AaveReserves =>
        AaveReserveKeys.Where(t => Tokens.ContainsKey(t.Symbol)).ToDictionary(t => t.Symbol, t => Tokens[t.Symbol], StringComparer.Ordinal);

    /// <summary>Where the market-data reader reads this chain.</summary>
    public ChainMarketDataAddresses MarketData() =>
        new(Network, AavePool, AaveReserves, Tokens.GetValueOrDefault("wstETH"), Tokens.GetValueOrDefault("weETH"));

    /// <summary>
    /// Reads chain <paramref name="chainId"/> from <paramref name="file"/>. Throws <see cref="ChainContractsException"/>
    /// naming the file when it is missing, is not YAML, lacks the chain, or holds a malformed address (named by its key).
    /// </summary>
    public static ChainContracts Load(string file, long chainId)
    {
        if (!File.Exists(file))
        {
            throw new ChainContractsException($"the contracts file {file} does not exist");
        }

        YamlMappingNode? chains;
        try
        {
            var yaml = new YamlStream();
            using (var reader = File.OpenText(file))
            {
                yaml.Load(reader);
            }

            chains = yaml.Documents.Count > 0 && yaml.Documents[0].RootNode is YamlMappingNode top ? Child(top, "chains") : null;
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ChainContractsException($"{file}: not valid YAML ({e.Message})");
        }

        var key = chainId.ToString(CultureInfo.InvariantCulture);
        if (chains is null || Child(chains, key) is not { } chain)
        {
            var known = chains?.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value) ?? [];
            throw new ChainContractsException($"chain id {chainId} is not in {file} (it lists: {string.Join(", ", known)})");
        }

        string? Address(YamlMappingNode? parent, string name, string where)
        {
            if (parent is null || !parent.Children.TryGetValue(new YamlScalarNode(name), out var node))
            {
                return null;
            }

            var value = (node as YamlScalarNode)?.Value;
            return value is not null && AddressPattern().IsMatch(value)
                ? value
                : throw new ChainContractsException($"{file}: chains.{key}.{where}.{name} is '{value}', not an address (0x and 40 hex digits)");
        }

        var tokenNode = Child(chain, "tokens");
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (tokenKey, symbol) in TokenKeys)
        {
            if (Address(tokenNode, tokenKey, "tokens") is { } address)
            {
                tokens[symbol] = address;
            }
        }

        var name = chain.Children.TryGetValue(new YamlScalarNode("name"), out var n) && n is YamlScalarNode { Value: { Length: > 0 } v } ? v : key;
        var uniswap = Child(chain, "uniswap_v3");
        var feeTiers = new Dictionary<string, uint>(StringComparer.Ordinal);
        var tiers = uniswap is null ? null : Child(uniswap, "fee_tiers");
        foreach (var entry in tiers?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var pair = (entry.Key as YamlScalarNode)?.Value ?? "";
            var text = (entry.Value as YamlScalarNode)?.Value;
            feeTiers[pair.Replace('_', '/')] = uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var tier) && FeeTiers.Contains(tier)
                ? tier
                : throw new ChainContractsException($"{file}: chains.{key}.uniswap_v3.fee_tiers.{pair} is '{text}', not a Uniswap v3 fee tier ({string.Join(", ", FeeTiers)})");
        }

        var aave = Child(chain, "aave_v3");
        byte? eMode = null;
        if (aave is not null && aave.Children.TryGetValue(new YamlScalarNode("eth_emode_category"), out var category))
        {
            var text = (category as YamlScalarNode)?.Value;
            eMode = byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? id
                : throw new ChainContractsException($"{file}: chains.{key}.aave_v3.eth_emode_category is '{text}', not an eMode category (1 to 255)");
        }

        return new ChainContracts(chainId, name, Address(aave, "pool", "aave_v3"), tokens)
        {
            AaveEthEModeCategory = eMode,
            EtherFiLiquidityPool = Address(Child(chain, "etherfi"), "liquidity_pool", "etherfi"),
            UniswapSwapRouter = Address(uniswap, "swap_router", "uniswap_v3"),
            UniswapFeeTiers = feeTiers,
        };
    }

    private static YamlMappingNode? Child(YamlMappingNode parent, string name) =>
        parent.Children.TryGetValue(new YamlScalarNode(name), out var node) ? node as YamlMappingNode : null;

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex AddressPattern();
}
