using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Basis.Live.Ledger;
using Basis.Server.Tests.Support;
using Basis.Testing;
using Npgsql;

namespace Basis.Server.Tests.Live;

/// <summary>
/// A PostgreSQL server, and an HTTP host whose result store and live ledger are in one of its databases, with the
/// ledger opened beside it so a test can record what the live runtime would (heartbeats, orders, equity).
/// </summary>
public sealed class LiveServer : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private PipelineHost? _host;
    private NpgsqlDataSource? _dataSource;

    public PostgresServer Postgres { get; } = new();

    internal PipelineHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    public PostgresLiveLedger Ledger { get; private set; } = null!;

    /// <summary>The connection string of the host's database.</summary>
    public string Connection { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        await Postgres.InitializeAsync();
        Connection = await Postgres.CreateDatabaseAsync();
        (_host, _dataSource, Ledger) = await StartAsync(Connection, _temp, TestContext.Current.CancellationToken);
    }

    /// <summary>A host on the database <paramref name="connection"/> names, and the ledger in it.</summary>
    internal static async Task<(PipelineHost Host, NpgsqlDataSource DataSource, PostgresLiveLedger Ledger)> StartAsync(string connection, TempFolder temp, CancellationToken cancellationToken)
    {
        var host = await PipelineHost.StartAsync(temp.Combine(Guid.NewGuid().ToString("N")), new Dictionary<string, string> { ["BASIS_DATABASE_CONNECTION"] = connection }, cancellationToken);
        var dataSource = NpgsqlDataSource.Create(connection);
        return (host, dataSource, await PostgresLiveLedger.OpenAsync(dataSource, cancellationToken));
    }

    /// <summary>Creates a paper instance of eth_basis on Binance through the API; returns its id.</summary>
    internal async Task<string> CreateAsync(CancellationToken cancellationToken, string name = "test")
    {
        var created = await SendAsync(HttpMethod.Post, "/api/v1/live", new { name, mode = "eth_basis", venues = new[] { "binance" } }, HttpStatusCode.Created, cancellationToken);
        return created.GetProperty("id").GetString()!;
    }

    /// <summary>Sends a request with the key, failing with the body unless the status is <paramref name="expected"/>; returns the JSON answer.</summary>
    internal Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected, CancellationToken cancellationToken) =>
        SendAsync(Host.Http, method, path, body, expected, cancellationToken);

    internal static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, object? body, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        await Postgres.DisposeAsync();
        _temp.Dispose();
    }
}
