namespace Basis.Configuration;

/// <summary>
/// Finds the valid name a user most likely meant, for "did you mean" hints. Case is ignored so that
/// <c>Target_LTV</c> points at <c>target_ltv</c>; a transposition counts as one edit because swapped letters are
/// the most common typo.
/// </summary>
internal static class KeySuggestion
{
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        // Allow roughly one edit per three characters: enough for okxx → okx and hedge_alocation → hedge_allocation,
        // not so much that unrelated short keys are suggested.
        var limit = Math.Max(1, Math.Min(3, typed.Length / 3));
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate == typed)
            {
                continue;
            }

            var distance = Distance(typed.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>"unknown key; did you mean 'okx'? Valid keys: binance, okx" — the valid keys listed in the order given.</summary>
    public static string UnknownKeyMessage(string typed, IReadOnlyCollection<string> valid)
    {
        if (valid.Count == 0)
        {
            return "unknown key; this mapping takes no keys";
        }

        var suggestion = Closest(typed, valid);
        var list = string.Join(", ", valid);
        return suggestion is null
            ? $"unknown key; valid keys: {list}"
            : $"unknown key; did you mean '{suggestion}'? Valid keys: {list}";
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
