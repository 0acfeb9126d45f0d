using System.Numerics;
using Basis.Venues.Ethereum;

namespace Basis.Venues.Tests.Ethereum.Fixtures;

/// <summary>Deploys and calls contracts from npm artifacts by name, linking the libraries it deployed before.</summary>
internal sealed class ArtifactDeployer(EthereumClient client, string? artifacts)
{
    private readonly Dictionary<string, string> _libraries = [];
    private readonly Dictionary<string, ContractArtifact> _loaded = [];

    /// <summary>A deployer of contracts compiled here rather than found in a folder.</summary>
    public ArtifactDeployer(EthereumClient client, IEnumerable<ContractArtifact> compiled)
        : this(client, (string?)null)
    {
        foreach (var artifact in compiled)
        {
            _loaded[artifact.Name] = artifact;
        }
    }

    public int Transactions { get; private set; }

    /// <summary>The artifacts folder <paramref name="relative"/> of the repository's <c>.ci/tools/node_modules</c>; null when not installed.</summary>
    public static string? NodeModulesFolder(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Basis.sln")))
            {
                var folder = Path.Combine(dir.FullName, ".ci", "tools", "node_modules", relative);
                return Directory.Exists(folder) ? folder : null;
            }
        }

        return null;
    }

    /// <summary>Deploys a library and remembers it for linking.</summary>
    public async Task DeployLibraryAsync(string library, CancellationToken ct) =>
        _libraries[library] = await DeployAsync(library, ct).ConfigureAwait(false);

    public async Task<string> DeployAsync(string contract, CancellationToken ct, params object[] arguments)
    {
        var artifact = Artifact(contract);
        var bytecode = artifact.LinkedBytecode(_libraries);
        var data = arguments.Length == 0 ? bytecode : client.Web3.Eth.DeployContract.GetData(bytecode, artifact.Abi, arguments);
        var receipt = await client.SendDataAsync(null, data, BigInteger.Zero, ct).ConfigureAwait(false);
        Transactions++;
        return receipt.ContractAddress ?? throw new InvalidOperationException($"deploying {contract} gave no contract address");
    }

    public async Task CallAsync(string contract, string address, string function, CancellationToken ct, params object[] arguments)
    {
        var data = client.Web3.Eth.GetContract(Artifact(contract).Abi, address).GetFunction(function).GetData(arguments);
        await client.SendDataAsync(address, data, BigInteger.Zero, ct).ConfigureAwait(false);
        Transactions++;
    }

    public Task<T> QueryAsync<T>(string contract, string address, string function, params object[] arguments) =>
        client.Web3.Eth.GetContract(Artifact(contract).Abi, address).GetFunction(function).CallAsync<T>(arguments);

    private ContractArtifact Artifact(string contract)
    {
        if (!_loaded.TryGetValue(contract, out var artifact))
        {
            _loaded[contract] = artifact = ContractArtifact.Find(artifacts ?? throw new InvalidOperationException($"{contract} was not compiled"), contract);
        }

        return artifact;
    }
}
