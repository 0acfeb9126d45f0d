namespace Basis.Core.Instruments;

/// <summary>
/// A position key <c>venue:type:symbol</c>, e.g. <c>aave_v3:aToken:aweETH</c>, <c>binance:Perp:ETHUSDT</c>,
/// <c>wallet:BaseToken:USDT</c>.
/// </summary>
public readonly record struct InstrumentKey(Venue Venue, PositionType Type, string Symbol)
{
    private static readonly Dictionary<string, PositionType> TypesByName = new(StringComparer.Ordinal)
    {
        ["BaseToken"] = PositionType.BaseToken,
        ["aToken"] = PositionType.AToken,
        ["debtToken"] = PositionType.DebtToken,
        ["LST"] = PositionType.Lst,
        ["Perp"] = PositionType.Perp,
    };

    /// <summary>The text of a position type as keys write it.</summary>
    public static string TypeName(PositionType type) => type switch
    {
        PositionType.BaseToken => "BaseToken",
        PositionType.AToken => "aToken",
        PositionType.DebtToken => "debtToken",
        PositionType.Lst => "LST",
        PositionType.Perp => "Perp",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown position type."),
    };

    /// <summary>Parses <c>venue:type:symbol</c>; throws <see cref="FormatException"/> naming the bad segment.</summary>
    public static InstrumentKey Parse(string text)
    {
        var parts = (text ?? string.Empty).Split(':');
        if (parts.Length != 3)
        {
            throw new FormatException($"'{text}' is not a position key: expected venue:type:symbol.");
        }

        if (!VenueNames.TryParse(parts[0], out var venue))
        {
            throw new FormatException($"'{text}': unknown venue '{parts[0]}' (known: {string.Join(", ", VenueNames.All)}).");
        }

        if (!TypesByName.TryGetValue(parts[1], out var type))
        {
            throw new FormatException($"'{text}': unknown position type '{parts[1]}' (known: {string.Join(", ", TypesByName.Keys)}).");
        }

        return new InstrumentKey(venue, type, parts[2]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Venue.Name()}:{TypeName(Type)}:{Symbol}";
}
