using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Basis.Server.Cli;

/// <summary>
/// How many health checks of one URL failed in a row, kept in a small file because each check is a process of its own
/// (Docker's HEALTHCHECK runs <c>basis health</c> afresh every interval). A missing or unreadable file counts as none.
/// </summary>
internal sealed class HealthStreak(string path)
{
    public string Path { get; } = path;

    /// <summary>The file for <paramref name="url"/> in the temp folder: checks of different servers keep separate counts.</summary>
    public static HealthStreak For(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)))[..12];
        return new HealthStreak(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"basis-health-{key}.failures"));
    }

    /// <summary>The consecutive failures recorded so far.</summary>
    public int Failures
    {
        get
        {
            try
            {
                return int.TryParse(File.ReadAllText(Path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return 0;
            }
        }
    }

    /// <summary>Records one more failure; returns the streak including it.</summary>
    public int RecordFailure()
    {
        var count = Failures + 1;
        File.WriteAllText(Path, count.ToString(CultureInfo.InvariantCulture));
        return count;
    }

    /// <summary>Ends the streak (a success, or a restart asked for).</summary>
    public void Reset() => File.Delete(Path);
}
