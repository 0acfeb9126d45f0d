namespace Basis.Server.Tests.Support;

/// <summary>
/// A test class whose every test gets a fresh HTTP host (<see cref="PipelineHost"/> with its defaults: sample data,
/// results in a folder of its own, embedded engine), stopped and deleted after the test.
/// </summary>
public abstract class HostedTest : IAsyncLifetime
{
    private PipelineHost? _host;

    private protected TempFolder Temp { get; } = new();

    private protected PipelineHost Host => _host ?? throw new InvalidOperationException("The host starts before the test.");

    public async ValueTask InitializeAsync() => _host = await PipelineHost.StartAsync(Temp.Combine("results"), cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
