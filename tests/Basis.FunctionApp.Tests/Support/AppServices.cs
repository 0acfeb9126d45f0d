using Basis.Api.Hosting;
using Basis.FunctionApp.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Basis.FunctionApp.Tests.Support;

/// <summary>
/// The app's services as Program registers them (<see cref="FunctionAppHost.AddBasisFunctionApp"/>), on the repository's
/// configs and sample data with results in a temporary folder: what the worker creates the function classes from.
/// </summary>
public sealed class AppServices : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private PipelineComponents? _components;
    private ServiceProvider? _services;

    public string ResultsFolder => _temp.Combine("results");

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        // Whatever the machine's environment says, this app reads the sample and writes to the temporary folder.
        var overrides = new Dictionary<string, string>
        {
            ["BASIS_DATA_MODE"] = "csv",
            ["BASIS_DATA_DIR"] = Repository.SampleData,
            ["BASIS_RESULTS_DIR"] = ResultsFolder,
            ["BASIS_DATABASE_CONNECTION"] = string.Empty,
        };
        _components = await PipelineComponents.OpenAsync(PipelineSettings.Load(Repository.Configs, overrides), Repository.SampleData, ResultsFolder);
        _services = new ServiceCollection().AddLogging().AddBasisFunctionApp(_components).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>A function class as the worker creates it (constructor injection from the app's services).</summary>
    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_components is not null)
        {
            await _components.DisposeAsync();
        }

        _temp.Dispose();
    }
}
