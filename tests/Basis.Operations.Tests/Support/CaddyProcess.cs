using System.Diagnostics;
using System.Globalization;
using Basis.Testing;

namespace Basis.Operations.Tests.Support;

/// <summary>
/// The repository's Caddyfile served by this machine's caddy (Debian's 2.6) on a free loopback port, in front of a
/// server on <c>apiPort</c>, which serves everything behind it (the API, the dashboard, /docs). Its state lives in a temporary folder.
/// </summary>
internal sealed class CaddyProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _home;

    private CaddyProcess(Process process, string home, int port)
    {
        _process = process;
        _home = home;
        Port = port;
    }

    public int Port { get; }

    public string BaseAddress => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/";

    public static async Task<CaddyProcess> StartAsync(int apiPort, IReadOnlyDictionary<string, string>? settings = null)
    {
        var home = Directory.CreateTempSubdirectory("basis-caddy-").FullName;
        var port = ServiceRequirement.FreeLoopbackPort();
        var start = new ProcessStartInfo("caddy") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["run", "--config", Repository.Path("infra", "caddy", "Caddyfile"), "--adapter", "caddyfile"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["XDG_DATA_HOME"] = home;
        start.Environment["XDG_CONFIG_HOME"] = home;
        start.Environment["CADDY_SITE"] = "localhost";
        start.Environment["HTTP_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["CADDY_ADMIN"] = $"127.0.0.1:{ServiceRequirement.FreeLoopbackPort().ToString(CultureInfo.InvariantCulture)}";
        start.Environment["BASIS_API_PORT"] = apiPort.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            ServiceRequirement.Unavailable("caddy is not installed (apt-get install caddy)");
            throw;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var caddy = new CaddyProcess(process, home, port);
        await Api.WaitForAsync(new HttpClient { BaseAddress = new Uri(caddy.BaseAddress) }, "health", TimeSpan.FromSeconds(30));
        return caddy;
    }

    /// <summary>A bcrypt hash for BASIC_AUTH_HASH, made by caddy itself.</summary>
    public static async Task<string> HashPasswordAsync(string password) =>
        (await Shell.RunAsync("caddy", ["hash-password", "--plaintext", password])).EnsureSuccess("caddy hash-password").Output.Trim();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_home, recursive: true);
    }
}
