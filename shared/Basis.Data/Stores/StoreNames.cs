namespace Basis.Data.Stores;

/// <summary>
/// The names every store accepts, so a run id or artefact name that works in one store works in all, and none can
/// leave a folder store's root: run ids are one segment, artefact names are <c>/</c>-separated segments, each
/// starting with a letter or digit and made of letters, digits, <c>.</c>, <c>_</c> and <c>-</c>.
/// </summary>
public static class StoreNames
{
    /// <summary>The longest run id or artefact name.</summary>
    public const int MaxLength = 200;

    /// <summary>True when <paramref name="runId"/> is a run id every store accepts.</summary>
    public static bool IsRunId(string? runId) => runId is { Length: <= MaxLength } && IsSegment(runId);

    /// <summary>Checks a run id; ArgumentException naming it otherwise.</summary>
    public static string RunId(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        if (!IsRunId(runId))
        {
            throw new ArgumentException($"Run id '{runId}' is not allowed: use 1–{MaxLength} letters, digits, '.', '_' or '-', starting with a letter or digit.", nameof(runId));
        }

        return runId;
    }

    /// <summary>Checks an artefact name such as <c>segments/003.bin</c>; ArgumentException naming it otherwise.</summary>
    public static string Artefact(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > MaxLength || !name.Split('/').All(IsSegment))
        {
            throw new ArgumentException($"Artefact name '{name}' is not allowed: use '/'-separated parts of letters, digits, '.', '_' or '-', each starting with a letter or digit.", nameof(name));
        }

        return name;
    }

    /// <summary>Checks a prefix of artefact names (empty means every artefact); ArgumentException naming it otherwise.</summary>
    public static string Prefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > MaxLength || prefix.StartsWith('/') || prefix.Contains("..", StringComparison.Ordinal) || !prefix.All(c => IsNameChar(c) || c == '/'))
        {
            throw new ArgumentException($"Artefact prefix '{prefix}' is not allowed: it must be the start of an artefact name.", nameof(prefix));
        }

        return prefix;
    }

    private static bool IsSegment(string segment) =>
        segment.Length > 0 && char.IsAsciiLetterOrDigit(segment[0]) && segment.All(IsNameChar);

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
