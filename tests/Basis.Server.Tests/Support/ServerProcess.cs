using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Basis.Api.Http;
using Basis.Testing;

namespace Basis.Server.Tests.Support;

/// <summary>
/// <c>basis serve</c> as its own process (the built copy beside the tests), on a free loopback port, with only the
/// settings given (no BASIS_* from the test's environment). <see cref="Kill"/> is SIGKILL: no graceful stop, no lease
/// handed over. Its output is kept to explain a failure.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Add(ApiKeys.Header, PipelineHost.Key);
    }

    public HttpClient Http { get; }

    /// <summary>What the process printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var port = ServiceRequirement.FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repository.Root };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "basis.dll"), "serve", "--port", port.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("BASIS_", StringComparison.Ordinal) || k == "AzureWebJobsStorage").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["BASIS_API_KEY_HASHES"] = ApiKeys.Hash(PipelineHost.Key);
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var server = new ServerProcess(Process.Start(start)!, port);
        server._process.OutputDataReceived += server.Keep;
        server._process.ErrorDataReceived += server.Keep;
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var health = await server.Http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (health.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !server._process.HasExited)
            {
            }

            if (server._process.HasExited || DateTime.UtcNow >= deadline)
            {
                var output = server.Output;
                server.Dispose();
                throw new InvalidOperationException($"basis serve did not start: {output}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public async Task<string> SubmitAsync(string collection, object body, CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsJsonAsync($"/api/v1/{collection}", body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        using var links = JsonDocument.Parse(text);
        return links.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>SIGKILL, and waits for the process to be gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        Http.Dispose();
    }

    private void Keep(object sender, DataReceivedEventArgs line)
    {
        if (line.Data is { } text)
        {
            lock (_output)
            {
                _output.AppendLine(text);
            }
        }
    }
}
