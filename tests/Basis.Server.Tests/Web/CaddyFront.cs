using System.Diagnostics;
using System.Globalization;
using Basis.Server.Tests.Support;
using Basis.Testing;

namespace Basis.Server.Tests.Web;

/// <summary>
/// The repository's infra/caddy/Caddyfile (localhost variant: plain HTTP) run by this machine's caddy on a free
/// loopback port in front of a server on <c>apiPort</c>, as the compose stack runs it; its state in a temporary folder.
/// </summary>
internal sealed class CaddyFront : IDisposable
{
    private readonly Process _process;
    private readonly TempFolder _home;

    private CaddyFront(Process process, TempFolder home, int port)
    {
        _process = process;
        _home = home;
        Url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    public string Url { get; }

    public static async Task<CaddyFront> StartAsync(int apiPort)
    {
        var home = new TempFolder();
        var port = ServiceRequirement.FreeLoopbackPort();
        var start = new ProcessStartInfo("caddy") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["run", "--config", Path.Combine(Repository.Root, "infra", "caddy", "Caddyfile"), "--adapter", "caddyfile"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["XDG_DATA_HOME"] = home.Path;
        start.Environment["XDG_CONFIG_HOME"] = home.Path;
        start.Environment["CADDY_SITE"] = "localhost";
        start.Environment["HTTP_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["CADDY_ADMIN"] = $"127.0.0.1:{ServiceRequirement.FreeLoopbackPort().ToString(CultureInfo.InvariantCulture)}";
        start.Environment["BASIS_API_PORT"] = apiPort.ToString(CultureInfo.InvariantCulture);

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            home.Dispose();
            ServiceRequirement.Unavailable("caddy is not installed (apt-get install caddy)");
            throw;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var caddy = new CaddyFront(process, home, port);
        using var http = new HttpClient { BaseAddress = new Uri(caddy.Url), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
                if (health.IsSuccessStatusCode)
                {
                    return caddy;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }

            if (process.HasExited || DateTime.UtcNow >= deadline)
            {
                caddy.Dispose();
                Assert.Fail($"caddy did not answer /health on {caddy.Url} within 30 s");
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _home.Dispose();
    }
}
