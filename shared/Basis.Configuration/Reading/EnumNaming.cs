using System.Text;

namespace Basis.Configuration.Reading;

/// <summary>
/// Matches YAML's snake_case words to C# enum members: <c>usdt_market_neutral</c>, <c>UsdtMarketNeutral</c> and
/// <c>USDT-MARKET-NEUTRAL</c> all name <c>UsdtMarketNeutral</c>. Numbers are never accepted, unlike
/// <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>, because <c>share_class: 1</c> is a mistake.
/// </summary>
internal static class EnumNaming
{
    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        var wanted = Normalize(text);
        foreach (var member in Enum.GetValues<T>())
        {
            if (Normalize(member.ToString()) == wanted)
            {
                value = member;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The members as users write them in YAML.</summary>
    public static IReadOnlyList<string> SnakeCaseNames<T>()
        where T : struct, Enum =>
        Enum.GetNames<T>().Select(ToSnakeCase).ToList();

    /// <summary><c>UsdtMarketNeutral</c> → <c>usdt_market_neutral</c>; <c>ETHBasis</c> → <c>eth_basis</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = char.IsUpper(c) && i > 0
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                    || (char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (startsWord && name[i - 1] != '_')
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static string Normalize(string text) =>
        text.Trim().Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal)
            .ToUpperInvariant();
}
