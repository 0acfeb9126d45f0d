using Basis.Configuration.Binding;
using Basis.Data.Canonical;
using Basis.Data.Stores;
using Basis.Orchestrations.Backtests;

namespace Basis.Orchestrations.Tests.Support;

/// <summary>The backtests' workspace on the repository's configs and the bundled sample (or a changed copy of it), results in memory.</summary>
internal static class SampleWorkspace
{
    public static BacktestWorkspace Create(string? data = null) =>
        new(BasisConfiguration.Load(Repository.Path("configs")), new LocalMarketDataSource(data ?? Repository.Path("data")), new MemoryResultStore(), new MemoryResultStore());
}
