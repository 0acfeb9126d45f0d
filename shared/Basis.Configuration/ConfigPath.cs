using System.Globalization;

namespace Basis.Configuration;

/// <summary>Builds the dotted key paths that errors print (<c>venues[2].name</c>).</summary>
internal static class ConfigPath
{
    public static string Key(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Item(string parent, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");
}
