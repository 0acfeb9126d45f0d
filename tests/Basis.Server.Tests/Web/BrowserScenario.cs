using System.Diagnostics;
using System.Text;
using Basis.Server.Tests.Support;
using Basis.Testing;

namespace Basis.Server.Tests.Web;

/// <summary>
/// One end-to-end scenario of web/e2e (a node script driving Debian's Chromium through playwright-core) against a
/// server: run, its output kept in the test's output, failed with that output unless it exits 0. What it needs (node,
/// Chromium, web/e2e's packages, the dashboard's build) is checked first: a missing piece skips the test, or fails it
/// under BASIS_REQUIRE_SERVICES=1, naming the command that installs it.
/// </summary>
internal static class BrowserScenario
{
    /// <summary>Where the screenshots go: artifacts/screenshots at the repository's root (git-ignored; CI keeps it).</summary>
    public static string Screenshots { get; } = Path.Combine(Repository.Root, "artifacts", "screenshots");

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    public static string Chromium => Environment.GetEnvironmentVariable("BASIS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string WebBuild => Path.Combine(Repository.Root, "web", "dist");

    /// <summary>Skips (or fails in CI) unless every piece a scenario needs is installed.</summary>
    public static void Require()
    {
        if (!File.Exists(Chromium))
        {
            ServiceRequirement.Unavailable($"Chromium is not at {Chromium} (apt-get install chromium, or set BASIS_CHROMIUM)");
        }

        if (!Directory.Exists(Path.Combine(Repository.Root, "web", "e2e", "node_modules", "playwright-core")))
        {
            ServiceRequirement.Unavailable("web/e2e's packages are not installed (npm ci --prefix web/e2e)");
        }

        if (!File.Exists(Path.Combine(WebBuild, "index.html")) || !File.Exists(Path.Combine(WebBuild, "docs", "index.html")))
        {
            ServiceRequirement.Unavailable("the dashboard is not built (npm ci --prefix web && npm --prefix web run build)");
        }
    }

    /// <summary>Runs web/e2e/<paramref name="script"/> against <paramref name="url"/>; returns its output.</summary>
    public static async Task<string> RunAsync(string script, string url, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repository.Root };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "web", "e2e", script));
        start.Environment["BASIS_E2E_URL"] = url;
        start.Environment["BASIS_E2E_KEY"] = PipelineHost.Key;
        start.Environment["BASIS_E2E_SCREENSHOTS"] = Screenshots;
        start.Environment["BASIS_CHROMIUM"] = Chromium;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        void Keep(object sender, DataReceivedEventArgs line)
        {
            if (line.Data is { } text)
            {
                lock (output)
                {
                    output.AppendLine(text);
                }
            }
        }

        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            ServiceRequirement.Unavailable("node is not on the PATH (Node.js 20.19 or later)");
            throw;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"{script} did not finish within {Patience.TotalMinutes} minutes:\n{output}");
        }

        var text = output.ToString();
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        Assert.True(process.ExitCode == 0, $"{script} against {url} exited {process.ExitCode}:\n{text}");
        return text;
    }
}
