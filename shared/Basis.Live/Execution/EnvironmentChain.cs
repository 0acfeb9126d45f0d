using System.Globalization;
using Basis.Live.Reconciliation;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Exchanges;

namespace Basis.Live.Execution;

/// <summary>
/// A host's account on the chain for real instances, from <c>BASIS_ENVIRONMENT</c>'s settings: the node at
/// <c>BASIS_{ENV}__ALCHEMY__RPC_URL</c>, the chain <c>BASIS_{ENV}__ALCHEMY__CHAIN_ID</c> (1, mainnet, when unset), the
/// account of <c>BASIS_{ENV}__ALCHEMY__PRIVATE_KEY</c>, and the contracts the repository's
/// <c>configs/venues/ethereum_contracts.yaml</c> lists for that chain (or the file <c>BASIS_CHAIN_CONTRACTS</c> names, for a
/// test chain). Opened on first use and kept; a failed opening (a setting missing, the node down or on another chain)
/// is tried again at the next use, and says what is wrong, naming variables and never their values.
/// </summary>
public sealed class EnvironmentChain(Func<string, string?> getVariable, string configsDirectory) : IDisposable
{
    /// <summary>The variable naming a contracts file to use instead of the repository's.</summary>
    public const string ContractsVariable = "BASIS_CHAIN_CONTRACTS";

    private readonly SemaphoreSlim _opening = new(1, 1);
    private Opened? _opened;

    /// <summary>The account that sends real instances' on-chain steps. Throws <see cref="ChainSetupException"/> when it cannot be opened.</summary>
    public async Task<ChainExecution> ExecutionAsync(CancellationToken cancellationToken) =>
        (await OpenAsync(cancellationToken).ConfigureAwait(false)).Execution;

    /// <summary>Reconciliation's reader of the account (its wallet and AAVE positions), opening it on its first reading.</summary>
    public ILocationReader Reader() => new LazyReader(this);

    /// <inheritdoc />
    public void Dispose()
    {
        _opened?.Execution.Client.Dispose();
        _opening.Dispose();
    }

    private async Task<Opened> OpenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _opened) is { } opened)
        {
            return opened;
        }

        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _opened ??= await BuildAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>
    /// The address of the host's account, from its private key alone (no node is asked), or null when the key is not set
    /// or not valid (opening the account says which): the one address the exchanges' clients may withdraw to.
    /// </summary>
    public string? WalletAddress()
    {
        try
        {
            return Account(Prefix(), chainId: 1).Address;
        }
        catch (ChainSetupException)
        {
            return null;
        }
    }

    private string Prefix()
    {
        try
        {
            return BasisEnvironments.CredentialPrefix(BasisEnvironments.Parse(getVariable(BasisEnvironments.VariableName))) + "ALCHEMY__";
        }
        catch (ExchangeConfigurationException e)
        {
            throw new ChainSetupException(e.Message);
        }
    }

    private EthereumAccount Account(string prefix, long chainId)
    {
        try
        {
            return EthereumAccount.FromPrivateKey(Required(prefix + "PRIVATE_KEY").Trim(), chainId);
        }
        catch (ArgumentException e)
        {
            throw new ChainSetupException($"{prefix}PRIVATE_KEY is not a valid private key: {e.Message}");
        }
    }

    private async Task<Opened> BuildAsync(CancellationToken cancellationToken)
    {
        var prefix = Prefix();

        var urlVariable = prefix + "RPC_URL";
        var url = Uri.TryCreate(Required(urlVariable), UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
            ? parsed
            : throw new ChainSetupException($"{urlVariable} is not an http(s) URL");
        var chainIdVariable = prefix + "CHAIN_ID";
        var chainId = getVariable(chainIdVariable)?.Trim() is { Length: > 0 } text
            ? long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : throw new ChainSetupException($"{chainIdVariable} is not a chain id (a positive number)")
            : 1;
        var account = Account(prefix, chainId);

        var file = getVariable(ContractsVariable)?.Trim() is { Length: > 0 } named ? named : Path.Combine(configsDirectory, ChainContracts.RelativePath);
        ChainContracts contracts;
        try
        {
            contracts = ChainContracts.Load(file, chainId);
        }
        catch (ChainContractsException e)
        {
            throw new ChainSetupException(e.Message);
        }

        var pool = contracts.AavePool ?? throw new ChainSetupException($"{file} lists no aave_v3.pool for chain {chainId}");
        var client = new EthereumClient(url, account);
        try
        {
            var nodeChain = (long)(await client.Web3.Eth.ChainId.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
            if (nodeChain != chainId)
            {
                throw new ChainSetupException($"the node at {urlVariable} is chain {nodeChain}, not chain {chainId} ({chainIdVariable}): nothing is signed for the wrong chain");
            }

            var tokens = new List<ChainToken>();
            foreach (var (symbol, address) in contracts.Tokens)
            {
                tokens.Add(new ChainToken(symbol, address, await new Erc20Token(client, address).DecimalsAsync().WaitAsync(cancellationToken).ConfigureAwait(false)));
            }

            var aave = new AavePool(client, pool);
            var reserves = tokens.Where(t => contracts.AaveReserves.ContainsKey(t.Symbol)).ToList();
            var execution = new ChainExecution(client, aave, tokens)
            {
                EtherFiLiquidityPool = contracts.EtherFiLiquidityPool,
                EthEModeCategory = contracts.AaveEthEModeCategory,
                Uniswap = contracts.UniswapSwapRouter is { } router ? new UniswapRoutes(router, contracts.UniswapFeeTiers) : null,
            };
            return new Opened(execution, new ChainReader(client, tokens, aave, reserves));
        }
        catch (Exception e) when (e is not (ChainSetupException or OperationCanceledException))
        {
            client.Dispose();

            // The node's URL may carry an API key: the message names the variable instead.
            throw new ChainSetupException($"the node at {urlVariable} could not be read: {e.Message.Replace(url.ToString(), urlVariable, StringComparison.Ordinal)}");
        }
    }

    private string Required(string variable) =>
        getVariable(variable)?.Trim() is { Length: > 0 } value ? value : throw new ChainSetupException($"{variable} is not set: this host has no account on the chain");

    private sealed record Opened(ChainExecution Execution, ChainReader Reader);

    /// <summary>Reads the account once it is open; a failure to open it makes the chain unreadable for that reconciliation.</summary>
    private sealed class LazyReader(EnvironmentChain chain) : ILocationReader
    {
        public IReadOnlyList<string> Locations => ChainReader.AccountLocations;

        public async Task<IReadOnlyList<LocationReading>> ReadAsync(CancellationToken cancellationToken) =>
            await (await chain.OpenAsync(cancellationToken).ConfigureAwait(false)).Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
    }
}
