namespace Basis.Core.Instruments;

/// <summary>Text names of assets and LSTs as configs, keys and series ids spell them.</summary>
public static class AssetNames
{
    /// <summary>The symbol of an asset (<c>USDT</c>, <c>ETH</c>, ...).</summary>
    public static string Symbol(this Asset asset) => asset switch
    {
        Asset.Usdt => "USDT",
        Asset.Eth => "ETH",
        Asset.Btc => "BTC",
        Asset.Eigen => "EIGEN",
        Asset.Ethfi => "ETHFI",
        _ => throw new ArgumentOutOfRangeException(nameof(asset), asset, "Unknown asset."),
    };

    /// <summary>The symbol of an LST (<c>weETH</c>, <c>wstETH</c>).</summary>
    public static string Symbol(this LstToken lst) => lst switch
    {
        LstToken.WeEth => "weETH",
        LstToken.WstEth => "wstETH",
        _ => throw new ArgumentOutOfRangeException(nameof(lst), lst, "Unknown LST."),
    };

    /// <summary>Parses an asset symbol, case-insensitively.</summary>
    public static bool TryParseAsset(string? text, out Asset asset)
    {
        foreach (var candidate in Enum.GetValues<Asset>())
        {
            if (string.Equals(candidate.Symbol(), text, StringComparison.OrdinalIgnoreCase))
            {
                asset = candidate;
                return true;
            }
        }

        asset = default;
        return false;
    }

    /// <summary>Parses an LST symbol, case-insensitively (<c>weETH</c>, <c>weeth</c>).</summary>
    public static bool TryParseLst(string? text, out LstToken lst)
    {
        foreach (var candidate in Enum.GetValues<LstToken>())
        {
            if (string.Equals(candidate.Symbol(), text, StringComparison.OrdinalIgnoreCase))
            {
                lst = candidate;
                return true;
            }
        }

        lst = default;
        return false;
    }

    /// <summary>The staking venue that issues an LST.</summary>
    public static Venue Issuer(this LstToken lst) => lst == LstToken.WeEth ? Venue.EtherFi : Venue.Lido;
}
