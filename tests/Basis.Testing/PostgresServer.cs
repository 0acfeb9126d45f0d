using System.Globalization;
using Npgsql;
using Xunit;

namespace Basis.Testing;

/// <summary>
/// A throw-away PostgreSQL server: <c>initdb</c> into a temporary folder, <c>postgres</c> on 127.0.0.1 and a free
/// port (unix socket in the same folder, fsync off), trust authentication for user <c>basis</c>; stopped and
/// deleted on dispose. Binaries come from <c>BASIS_PG_BIN</c> or <c>/usr/lib/postgresql/15/bin</c>. PostgreSQL
/// refuses to run as root, so as root the binaries run as the <c>postgres</c> user through <c>runuser</c>. Use it
/// as an assembly or class fixture and give each test class its own database (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string DefaultBin = "/usr/lib/postgresql/15/bin";
    private const string ServiceUser = "postgres";
    private string? _unavailable;
    private string? _folder;
    private string _bin = DefaultBin;
    private bool _asServiceUser;
    private int _port;
    private int _databases;

    /// <summary>The port the server listens on (after <see cref="InitializeAsync"/>).</summary>
    public int Port => Require()._port;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _bin = Environment.GetEnvironmentVariable("BASIS_PG_BIN") is { Length: > 0 } bin ? bin : DefaultBin;
        if (!File.Exists(Path.Combine(_bin, "initdb")) || !File.Exists(Path.Combine(_bin, "pg_ctl")))
        {
            _unavailable = $"PostgreSQL binaries not found in {_bin} (apt-get install postgresql, or set BASIS_PG_BIN)";
            return;
        }

        _asServiceUser = Environment.UserName == "root";
        if (_asServiceUser && !File.Exists("/usr/sbin/runuser") && !File.Exists("/usr/bin/runuser"))
        {
            _unavailable = "running as root, and runuser (to start PostgreSQL as the postgres user) is missing";
            return;
        }

        _folder = Directory.CreateTempSubdirectory("basis-pg-").FullName;
        try
        {
            if (_asServiceUser)
            {
                await ServiceProcess.RunAsync("chown", [ServiceUser, _folder], TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }

            await PgAsync("initdb", ["-D", DataFolder, "-U", "basis", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"], TimeSpan.FromSeconds(60)).ConfigureAwait(false);
            await StartAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            _unavailable = $"PostgreSQL could not be started from {_bin}: {e.Message}";
        }
    }

    /// <summary>Creates an empty database and returns a connection string to it (skips or fails the test when the server is unavailable).</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        Require();
        var name = $"test_{Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture)}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return ConnectionString(name);
    }

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "basis", Database = database }.ConnectionString;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_folder is null)
        {
            return;
        }

        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            try
            {
                await PgAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"], TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Already gone; the folder is removed below either way.
            }
        }

        Directory.Delete(_folder, recursive: true);
    }

    private string DataFolder => Path.Combine(_folder!, "data");

    private PostgresServer Require()
    {
        if (_unavailable is { } reason)
        {
            ServiceRequirement.Unavailable(reason);
        }

        return this;
    }

    private async Task StartAsync()
    {
        // The free port can be taken between asking and listening; a few tries cover that race.
        for (var attempt = 1; ; attempt++)
        {
            _port = ServiceRequirement.FreeLoopbackPort();
            var options = $"-c listen_addresses=127.0.0.1 -p {_port} -c unix_socket_directories={_folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            try
            {
                await PgAsync("pg_ctl", ["-D", DataFolder, "-l", Path.Combine(_folder!, "server.log"), "-o", options, "-w", "-t", "60", "start"], TimeSpan.FromSeconds(90)).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Retried on another port.
            }
        }
    }

    private Task<string> PgAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var path = Path.Combine(_bin, program);
        return _asServiceUser
            ? ServiceProcess.RunAsync("runuser", ["-u", ServiceUser, "--", path, .. arguments], timeout)
            : ServiceProcess.RunAsync(path, arguments, timeout);
    }
}
