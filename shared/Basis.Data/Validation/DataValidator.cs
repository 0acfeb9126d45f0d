using Basis.Core.Market;
using Basis.Core.Time;
using Basis.Data.Canonical;

namespace Basis.Data.Validation;

/// <summary>
/// Checks a canonical data folder (<c>{root}/{series}/{yyyy}/{MM}.csv</c>) and collects every finding instead of
/// stopping at the first: broken files, rows in the wrong month or repeated across months, off-cadence rows,
/// impossible values, gaps and stretches longer than the staleness limit. Series are validated in parallel; the
/// report's order does not depend on scheduling.
/// </summary>
public static class DataValidator
{
    /// <summary>Validates every series under <paramref name="root"/>, or those and the window in <paramref name="options"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The root folder does not exist.</exception>
    /// <exception cref="ArgumentException">The options' window is not UTC, is empty, or the example limits are negative.</exception>
    public static ValidationReport Validate(string root, ValidationOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        options ??= new ValidationOptions();
        var (from, to) = Window(options);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The data folder '{root}' does not exist.");
        }

        var rootFindings = new List<ValidationFinding>();
        IReadOnlyList<SeriesId> ids;
        if (options.Series is null)
        {
            ids = CanonicalLayout.DiscoverSeries(root);
            if (ids.Count == 0)
            {
                rootFindings.Add(new ValidationFinding(ValidationSeverity.Error, ValidationCheck.Layout, null, null, null,
                    $"no series found: expected {{kind}}/{{source}}[/{{instrument}}]/{{yyyy}}/{{MM}}.csv folders, kinds {string.Join(", ", SeriesCatalog.KindNames)}",
                    0, []));
            }

            if (StrayFiles(root, ids, options.MaxExamples) is { } stray)
            {
                rootFindings.Add(stray);
            }
        }
        else
        {
            var requested = options.Series.Distinct().ToList();
            requested.Sort(SeriesId.Ordinal);
            ids = requested;
        }

        var results = new SeriesValidation[ids.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1 };
        Parallel.For(0, ids.Count, parallel, i => results[i] = new SeriesValidator(root, ids[i], from, to, options).Run());
        return new ValidationReport(root, options.FromUtc, options.ToUtc, results, rootFindings);
    }

    private static (long From, long To) Window(ValidationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxExamples, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRanges, nameof(options));
        foreach (var bound in new[] { options.FromUtc, options.ToUtc })
        {
            if (bound is { Kind: not DateTimeKind.Utc } notUtc)
            {
                throw new ArgumentException($"The validation window must be given in UTC, got {notUtc:O} ({notUtc.Kind}).", nameof(options));
            }
        }

        var from = options.FromUtc is { } f ? UnixTime.ToSeconds(f) : long.MinValue;
        var to = options.ToUtc is { } t ? UnixTime.ToSeconds(t) : long.MaxValue;
        if (to <= from)
        {
            throw new ArgumentException($"The validation window [{options.FromUtc:O}, {options.ToUtc:O}) is empty.", nameof(options));
        }

        return (from, to);
    }

    /// <summary>
    /// CSV files no reader will ever open: under a folder that is not a series id (a misspelt kind), or not named
    /// <c>{yyyy}/{MM}.csv</c>. Without this they would be silently ignored.
    /// </summary>
    private static ValidationFinding? StrayFiles(string root, IReadOnlyList<SeriesId> ids, int maxExamples)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            foreach (var month in CanonicalLayout.MonthsPresent(root, id))
            {
                expected.Add(Path.GetFullPath(CanonicalLayout.MonthFile(root, id, month.Year, month.Month)));
            }
        }

        var stray = Directory.EnumerateFiles(root, "*.csv", SearchOption.AllDirectories)
            .Where(path => !expected.Contains(Path.GetFullPath(path)))
            .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (stray.Count == 0)
        {
            return null;
        }

        var shown = string.Join(", ", stray.Take(Math.Max(1, maxExamples)));
        var more = stray.Count > maxExamples ? ", ..." : string.Empty;
        return new ValidationFinding(ValidationSeverity.Warning, ValidationCheck.Layout, null, stray[0], null,
            $"{stray.Count} CSV file{(stray.Count == 1 ? " is" : "s are")} not in the canonical layout {{series}}/{{yyyy}}/{{MM}}.csv and no reader opens {(stray.Count == 1 ? "it" : "them")}: {shown}{more}",
            stray.Count, []);
    }
}
