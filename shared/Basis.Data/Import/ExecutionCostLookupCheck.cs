using System.Globalization;
using System.Text.Json;

namespace Basis.Data.Import;

/// <summary>
/// The original's execution-cost lookup (<c>{pair: {size bucket: {date: bps}}}</c>) is skipped: a table of one
/// number per pair and bucket repeated for every day is configuration, not data. Skipping is only safe after
/// checking that the numbers really never change; if one does, the report warns.
/// </summary>
internal static class ExecutionCostLookupCheck
{
    public static void Run(SourceFile file, ImportEntryBuilder entry)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file.FullPath));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            entry.Skip("not imported: execution costs are configuration (fee schedule and slippage by size bucket)");
            entry.Warnings.Add("unexpected structure (expected {pair: {bucket: {date: bps}}}); its values were not checked");
            return;
        }

        var constant = new List<string>();
        var varying = new List<string>();
        var days = 0;
        string? first = null;
        string? last = null;
        foreach (var pair in document.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var buckets = new List<string>();
            if (pair.Value.ValueKind != JsonValueKind.Object)
            {
                entry.Warnings.Add($"{pair.Name}: not an object of size buckets; not checked");
                continue;
            }

            foreach (var bucket in pair.Value.EnumerateObject())
            {
                var values = new List<double>();
                var daysOfBucket = bucket.Value.ValueKind == JsonValueKind.Object ? bucket.Value.EnumerateObject().ToArray() : [];
                foreach (var day in daysOfBucket)
                {
                    if (day.Value.ValueKind == JsonValueKind.Number)
                    {
                        values.Add(day.Value.GetDouble());
                        first = first is null || string.CompareOrdinal(day.Name, first) < 0 ? day.Name : first;
                        last = last is null || string.CompareOrdinal(day.Name, last) > 0 ? day.Name : last;
                    }
                }

                days = Math.Max(days, values.Count);
                if (values.Count > 0 && values.All(v => v == values[0]))
                {
                    buckets.Add($"{bucket.Name} {SourceValue.Format(values[0])}");
                }
                else
                {
                    varying.Add(values.Count == 0
                        ? $"{pair.Name} {bucket.Name}: no numeric values"
                        : $"{pair.Name} {bucket.Name}: from {SourceValue.Format(values.Min())} to {SourceValue.Format(values.Max())} bps");
                }
            }

            if (buckets.Count > 0)
            {
                constant.Add($"{pair.Name}: {string.Join(", ", buckets)} bps");
            }
        }

        entry.Notes.AddRange(constant);
        if (varying.Count == 0)
        {
            entry.Skip(string.Create(CultureInfo.InvariantCulture,
                $"checked: every pair and size bucket holds one constant value over all {days} days ({first} → {last}), so the table carries no time series; execution costs are configuration (per-bucket bps in notes)"));
        }
        else
        {
            entry.Skip("not imported: execution costs are configuration; but some values change over time, see warnings");
            entry.Warnings.Add($"values are NOT constant over time for {varying.Count} pair/bucket(s), so replacing the table by configuration loses information: {string.Join("; ", varying)}");
        }
    }
}
