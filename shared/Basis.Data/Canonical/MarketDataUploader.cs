namespace Basis.Data.Canonical;

/// <summary>
/// Copies every canonical month file of a local folder into a blob container or database
/// (<c>basis data upload</c>). Idempotent: each month replaces what the target held for it. Each file is parsed
/// first, so a broken file stops the upload naming the file instead of reaching the target.
/// </summary>
public static class MarketDataUploader
{
    /// <summary>Uploads every month file under <paramref name="root"/>; reports one line per file; returns how many were copied.</summary>
    public static async Task<int> UploadAsync(string root, CanonicalMonthSource target, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Data folder '{root}' does not exist.");
        }

        await target.PrepareForUploadAsync(cancellationToken).ConfigureAwait(false);
        var count = 0;
        foreach (var id in CanonicalLayout.DiscoverSeries(root))
        {
            foreach (var month in CanonicalLayout.MonthsPresent(root, id))
            {
                var path = CanonicalLayout.MonthFile(root, id, month.Year, month.Month);
                var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
                CanonicalSeriesReader.ReadMonth(content, path, id, month);
                await target.WriteMonthAsync(id, month.Year, month.Month, content, cancellationToken).ConfigureAwait(false);
                count++;
                progress?.Report($"{CanonicalLayout.MonthName(id, month.Year, month.Month)} ({content.Length:N0} bytes)");
            }
        }

        return count;
    }
}
