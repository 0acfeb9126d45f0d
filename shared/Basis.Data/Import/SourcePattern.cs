using System.Text;
using System.Text.RegularExpressions;

namespace Basis.Data.Import;

/// <summary>
/// A glob over paths relative to the source root, with '/' separators: <c>*</c> matches within one folder name,
/// <c>?</c> one character, <c>**/</c> any number of folders. Matching is case-sensitive, as the original's paths are.
/// </summary>
internal sealed class SourcePattern
{
    private readonly Regex _regex;

    public SourcePattern(string glob)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(glob);
        Glob = glob;
        _regex = new Regex(ToRegex(glob), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    /// <summary>The pattern as written.</summary>
    public string Glob { get; }

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);

    public override string ToString() => Glob;

    private static string ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var followedBySlash = i + 2 < glob.Length && glob[i + 2] == '/';
                pattern.Append(followedBySlash ? "(?:[^/]*/)*" : ".*");
                i += followedBySlash ? 2 : 1;
            }
            else if (c == '*')
            {
                pattern.Append("[^/]*");
            }
            else if (c == '?')
            {
                pattern.Append("[^/]");
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        return pattern.Append('$').ToString();
    }
}
