using Basis.Live.Execution;

namespace Basis.Orchestrations.Live;

/// <summary>
/// How a host trades its real instances: the venues' clients (with <c>BASIS_ENVIRONMENT</c>'s credentials), their
/// order rules, the chain account when the host has one (null: instances on the chain cannot send their steps), and
/// where the execution gate reads the switches' credentials from (the process environment in a host).
/// </summary>
public sealed record RealExecution(IExchangeClients Exchanges, OrderRules Rules, Func<string, string?> GetVariable, ChainExecution? Chain = null);
