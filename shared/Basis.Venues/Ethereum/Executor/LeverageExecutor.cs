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

    /// <summary>The transaction that deployed it, when <see cref="DeployAsync"/> did; null for an executor found again.</summary>
    public TransactionReceipt? Deployment { get; private init; }

    /// <summary>Deploys an executor owned by <paramref name="owner"/>'s account, bound to <paramref name="aavePool"/>.</summary>
    public static async Task<LeverageExecutor> DeployAsync(EthereumClient owner, string aavePool, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(aavePool);
        var data = LeverageExecutorBytecode.Creation + aavePool[2..].ToLowerInvariant().PadLeft(64, '0');
        var receipt = await owner.SendDataAsync(null, data, BigInteger.Zero, cancellationToken).ConfigureAwait(false);
        return new LeverageExecutor(owner, receipt.ContractAddress ?? throw new InvalidOperationException("deploying LeverageExecutor gave no contract address")) { Deployment = receipt };
    }

    /// <summary>
    /// The owner's one-time grants: credit delegation on <paramref name="variableDebtToken"/> (the executor borrows on
    /// the owner's account) and allowances on the tokens the steps pull from the owner (wallet WETH, aTokens). A grant
    /// already given is not sent again; returns the transactions it sent.
    /// </summary>
    public async Task<IReadOnlyList<TransactionReceipt>> GrantAsync(string variableDebtToken, IEnumerable<string> pulledTokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pulledTokens);
        var sent = new List<TransactionReceipt>();
        var delegated = await owner.QueryAsync<BorrowAllowanceFunction, BigInteger>(variableDebtToken, new BorrowAllowanceFunction { FromUser = owner.Account.Address, ToUser = Address }).ConfigureAwait(false);
        if (delegated < Erc20Token.UnlimitedAllowance / 2)
        {
            sent.Add(await owner.SendAsync(variableDebtToken, new ApproveDelegationFunction { Delegatee = Address, Amount = Erc20Token.UnlimitedAllowance }, cancellationToken).ConfigureAwait(false));
        }

        foreach (var token in pulledTokens)
        {
            if (await new Erc20Token(owner, token).ApproveOnceAsync(Address, Erc20Token.UnlimitedAllowance, cancellationToken).ConfigureAwait(false) is { } approval)
            {
                sent.Add(approval);
            }
        }

        return sent;
    }

    /// <summary>Runs <paramref name="plan"/> in one transaction.</summary>
    public Task<TransactionReceipt> ExecutePlanAsync(LoopPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return ExecutePlanAsync(plan.FlashAsset, plan.FlashAmount, plan.Steps, plan.Sweep, cancellationToken);
    }

    /// <summary>
    /// Signs <paramref name="plan"/> at the owner's next nonce without sending it, for the caller to record first
    /// (<see cref="EthereumClient.SignAsync{TFunction}"/>): a plan that would revert throws here, nothing sent.
    /// </summary>
    public async Task<SignedTransaction> SignPlanAsync(LoopPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var nonce = await owner.PendingNonceAsync(cancellationToken).ConfigureAwait(false);
        return await owner.SignAsync(Address, Execute(plan.FlashAsset, plan.FlashAmount, plan.Steps, plan.Sweep), nonce, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Flash-borrows <paramref name="amount"/> of <paramref name="asset"/> (no loan when 0), runs <paramref name="steps"/>
    /// and sends the executor's balances of <paramref name="sweep"/> and its ether back to the owner.
    /// </summary>
    public Task<TransactionReceipt> ExecutePlanAsync(string asset, BigInteger amount, IReadOnlyList<ExecutorStep> steps, IReadOnlyList<string> sweep, CancellationToken cancellationToken = default) =>
        owner.SendAsync(Address, Execute(asset, amount, steps, sweep), cancellationToken);

    private static ExecuteFunction Execute(string asset, BigInteger amount, IReadOnlyList<ExecutorStep> steps, IReadOnlyList<string> sweep)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(sweep);
        return new ExecuteFunction
        {
            Asset = asset,
            Amount = amount,
            Steps = steps.Select(s => new StepInput { Target = s.Target, Value = s.Value, Data = s.CallData.HexToByteArray() }).ToList(),
            Sweep = [.. sweep],
        };
    }

    /// <summary>The owner set at construction.</summary>
    public Task<string> OwnerAsync() => owner.QueryAsync<OwnerFunction, string>(Address, new OwnerFunction());
}
