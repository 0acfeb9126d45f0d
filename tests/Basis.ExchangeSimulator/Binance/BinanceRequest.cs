using System.Globalization;
using Basis.ExchangeSimulator.Accounting;

namespace Basis.ExchangeSimulator.Binance;

/// <summary>A request's parameters (query and form body together, as Binance reads them) and, when signed, its account.</summary>
internal sealed record BinanceRequest(IReadOnlyDictionary<string, string> Parameters, SimAccount? SignedAccount)
{
    public SimAccount Account => SignedAccount ?? throw new InvalidOperationException("The endpoint is not signed.");

    public string? Text(string name) => Parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public bool TryLong(string name, out long? value, out BinanceError? error)
    {
        value = null;
        error = null;
        if (Text(name) is not { } text)
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        error = BinanceError.IllegalValue(name);
        return false;
    }

    public bool TryDecimal(string name, out decimal? value)
    {
        value = null;
        if (Text(name) is not { } text)
        {
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
