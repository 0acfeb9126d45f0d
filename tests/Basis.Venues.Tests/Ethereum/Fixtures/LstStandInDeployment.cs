using System.Text.Json.Nodes;
using Basis.Testing;
using Basis.Venues.Ethereum;

namespace Basis.Venues.Tests.Ethereum.Fixtures;

/// <summary>The Lido and EtherFi stand-ins deployed on the test chain.</summary>
internal sealed record LstStandIns(string StEth, string WstEth, string EtherFiLiquidityPool, string EEth, string WeEth);

/// <summary>
/// Compiles <c>Contracts/LstStandIns.sol</c> with solc-js (npm <c>solc</c> in <c>.ci/tools</c>, about 2 s) and deploys
/// Lido's stETH and wstETH and EtherFi's LiquidityPool (which creates eETH) and weETH.
/// </summary>
internal static class LstStandInDeployment
{
    // solc's standard JSON in and out; the output goes to a file, so nothing node prints can garble it.
    private const string CompileScript = """
        const [solcPath, sourcePath, outPath] = process.argv.slice(-3);
        const solc = require(solcPath);
        const fs = require('fs');
        const input = { language: 'Solidity', sources: { 'LstStandIns.sol': { content: fs.readFileSync(sourcePath, 'utf8') } },
          settings: { optimizer: { enabled: true, runs: 200 }, outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } } };
        const out = JSON.parse(solc.compile(JSON.stringify(input)));
        const errors = (out.errors || []).filter(e => e.severity === 'error');
        if (errors.length) { console.error(errors.map(e => e.formattedMessage).join('\n')); process.exit(1); }
        fs.writeFileSync(outPath, JSON.stringify(out.contracts['LstStandIns.sol']));
        """;

    /// <summary>The solc-js module and the source; null when either is missing.</summary>
    public static (string Solc, string Source)? Inputs()
    {
        var solc = ArtifactDeployer.NodeModulesFolder("solc");
        // Read from the source tree (next to this file), found from the test binaries as .ci/tools is.
        var source = solc is null ? null : Path.GetFullPath(Path.Combine(solc, "..", "..", "..", "..", "tests", "Basis.Venues.Tests", "Ethereum", "Fixtures", "Contracts", "LstStandIns.sol"));
        return solc is not null && File.Exists(source) ? (solc, source) : null;
    }

    public static async Task<LstStandIns> DeployAsync(EthereumClient deployer, (string Solc, string Source) inputs, CancellationToken ct)
    {
        var output = Path.GetTempFileName();
        try
        {
            await ServiceProcess.RunAsync("node", ["-e", CompileScript, inputs.Solc, inputs.Source, output], TimeSpan.FromSeconds(120)).ConfigureAwait(false);
            var contracts = (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(output, ct).ConfigureAwait(false))!;
            var compiled = contracts.Select(c => ContractArtifact.Compiled(c.Key, c.Value!["abi"]!, c.Value!["evm"]!["bytecode"]!["object"]!.GetValue<string>()));
            var deploy = new ArtifactDeployer(deployer, compiled);
            var stEth = await deploy.DeployAsync("StEthStandIn", ct).ConfigureAwait(false);
            var wstEth = await deploy.DeployAsync("WstEthStandIn", ct, stEth).ConfigureAwait(false);
            var pool = await deploy.DeployAsync("EtherFiLiquidityPoolStandIn", ct).ConfigureAwait(false);
            var eEth = await deploy.QueryAsync<string>("EtherFiLiquidityPoolStandIn", pool, "eETH").ConfigureAwait(false);
            var weEth = await deploy.DeployAsync("WeEthStandIn", ct, pool).ConfigureAwait(false);
            return new LstStandIns(stEth, wstEth, pool, eEth, weEth);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
