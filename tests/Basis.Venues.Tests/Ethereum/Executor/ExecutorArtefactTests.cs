using Basis.Testing;
using Basis.Venues.Ethereum.Executor;

namespace Basis.Venues.Tests.Ethereum.Executor;

/// <summary>The checked-in ABI and bytecode are what <c>infra/contracts/compile.mjs</c> makes of the source now.</summary>
public sealed class ExecutorArtefactTests
{
    [Fact]
    public async Task The_checked_in_abi_and_bytecode_equal_a_fresh_solc_js_compile_of_the_source()
    {
        var root = RepositoryRoot();
        var contracts = Path.Combine(root, "infra", "contracts");
        if (!Directory.Exists(Path.Combine(root, ".ci", "tools", "node_modules", "solc")))
        {
            ServiceRequirement.Unavailable("solc-js is missing (.ci/tools/node_modules/solc); run 'npm ci --prefix .ci/tools'");
        }

        var output = Directory.CreateTempSubdirectory("leverage-executor-");
        try
        {
            await ServiceProcess.RunAsync("node", [Path.Combine(contracts, "compile.mjs"), "--out", output.FullName], TimeSpan.FromSeconds(120));
            var ct = TestContext.Current.CancellationToken;
            foreach (var (fresh, checkedIn) in new[]
            {
                ("LeverageExecutor.bin", Path.Combine(contracts, "LeverageExecutor.bin")),
                ("LeverageExecutor.abi.json", Path.Combine(contracts, "LeverageExecutor.abi.json")),
                ("LeverageExecutorBytecode.g.cs", Path.Combine(root, "shared", "Basis.Venues", "Ethereum", "Executor", "LeverageExecutorBytecode.g.cs")),
            })
            {
                Assert.True(
                    await File.ReadAllTextAsync(Path.Combine(output.FullName, fresh), ct) == await File.ReadAllTextAsync(checkedIn, ct),
                    $"{checkedIn} differs from what compile.mjs produces: run 'node infra/contracts/compile.mjs' and commit the result");
            }

            // And the adapter deploys exactly that bytecode.
            Assert.Equal(LeverageExecutorBytecode.Creation, (await File.ReadAllTextAsync(Path.Combine(contracts, "LeverageExecutor.bin"), ct)).Trim());
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Basis.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no Basis.sln above the test binaries");
    }
}
