using Basis.Core.Market;
using Basis.Data.Canonical;

namespace Basis.Functions.Cli;

/// <summary>The market-data source of a verb: <c>--data</c> when given, else what <c>BASIS_DATA_MODE</c> selects.</summary>
internal static class CliMarketData
{
    /// <summary>Opens the source; a missing or unusable setting is bad input naming the variable.</summary>
    public static async Task<IMarketDataSource> OpenAsync(string? dataOption, CancellationToken cancellationToken)
    {
        var options = CliPaths.MarketData();
        if (dataOption is not null || options.Mode == MarketDataMode.Csv)
        {
            return new LocalMarketDataSource(CliPaths.Data(dataOption));
        }

        return await Settings(() => MarketDataSources.OpenAsync(options, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="open"/>, turning a settings problem into bad input (exit 2).</summary>
    public static async Task<T> Settings<T>(Func<Task<T>> open)
    {
        try
        {
            return await open().ConfigureAwait(false);
        }
        catch (MarketDataSettingsException e)
        {
            throw new BadInputException(e.Message);
        }
    }
}
