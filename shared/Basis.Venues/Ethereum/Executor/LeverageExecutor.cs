using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;

namespace Basis.Venues.Ethereum.Executor;

/// <summary>One call the executor makes inside its flash loan; <paramref name="Description"/> only for logs and errors.</summary>
/// <param name="Target">The contract called.</param>
/// <param name="Value">Ether sent with the call (wei).</param>
/// <param name="CallData">ABI-encoded call, hex with 0x.</param>
/// <param name="Description">What the step does, e.g. "supply weETH for the owner".</param>
public sealed record ExecutorStep(string Target, BigInteger Value, string CallData, string Description)
{
    /// <summary>A step calling <paramref name="target"/> with a typed message.</summary>
    internal static ExecutorStep Call<TFunction>(string target, TFunction message, string description, BigInteger? value = null)
        where TFunction : FunctionMessage, new() =>
        new(target, value ?? BigInteger.Zero, message.GetCallData().ToHex(prefix: true), description);
}

/// <summary>
/// The deployed <c>infra/contracts/LeverageExecutor.sol</c>: flash loan, steps, all or nothing, owner only. A failing
/// step reverts everything with "step N failed: reason", surfaced as <see cref="EthereumRevertException"/>.
/// </summary>
public sealed class LeverageExecutor(EthereumClient owner, string address)
{
    /// <summary>The executor's address.</summary>
    public string Address { get; } = address;

    /// <summary>Deploys an executor owned by <paramref name="owner"/>'s account, bound to <paramref name="aavePool"/>.</summary>
    public static async Task<LeverageExecutor> DeployAsync(EthereumClient owner, string aavePool, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(aavePool);
        var data = LeverageExecutorBytecode.Creation + aavePool[2..].ToLowerInvariant().PadLeft(64, '0');
        var receipt = await owner.SendDataAsync(null, data, BigInteger.Zero, cancellationToken).ConfigureAwait(false);
        return new LeverageExecutor(owner, receipt.ContractAddress ?? throw new InvalidOperationException("deploying LeverageExecutor gave no contract address"));
    }

    /// <summary>
    /// The owner's one-time grants: credit delegation on <paramref name="variableDebtToken"/> (the executor borrows on
    /// the owner's account) and allowances on the tokens the steps pull from the owner (wallet WETH, aTokens).
    /// </summary>
    public async Task GrantAsync(string variableDebtToken, IEnumerable<string> pulledTokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pulledTokens);
        await owner.SendAsync(variableDebtToken, new ApproveDelegationFunction { Delegatee = Address, Amount = Erc20Token.UnlimitedAllowance }, cancellationToken).ConfigureAwait(false);
        foreach (var token in pulledTokens)
        {
            await new Erc20Token(owner, token).ApproveOnceAsync(Address, Erc20Token.UnlimitedAllowance, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="plan"/> in one transaction.</summary>
    public Task<TransactionReceipt> ExecutePlanAsync(LoopPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return ExecutePlanAsync(plan.FlashAsset, plan.FlashAmount, plan.Steps, plan.Sweep, cancellationToken);
    }

    /// <summary>
    /// Flash-borrows <paramref name="amount"/> of <paramref name="asset"/> (no loan when 0), runs <paramref name="steps"/>
    /// and sends the executor's balances of <paramref name="sweep"/> and its ether back to the owner.
    /// </summary>
    public Task<TransactionReceipt> ExecutePlanAsync(string asset, BigInteger amount, IReadOnlyList<ExecutorStep> steps, IReadOnlyList<string> sweep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(sweep);
        return owner.SendAsync(
            Address,
            new ExecuteFunction
            {
                Asset = asset,
                Amount = amount,
                Steps = steps.Select(s => new StepInput { Target = s.Target, Value = s.Value, Data = s.CallData.HexToByteArray() }).ToList(),
                Sweep = [.. sweep],
            },
            cancellationToken);
    }

    /// <summary>The owner set at construction.</summary>
    public Task<string> OwnerAsync() => owner.QueryAsync<OwnerFunction, string>(Address, new OwnerFunction());
}
