using Basis.Live.Execution;

namespace Basis.Orchestrations.Live;

/// <summary>
/// How a host trades its real instances: the venues' clients (with <c>BASIS_ENVIRONMENT</c>'s credentials), their
/// order rules, where the execution gate reads the switches' credentials from (the process environment in a host), and
/// the host's account on the chain (null: instances on the chain cannot send their steps).
/// </summary>
public sealed record RealExecution(IExchangeClients Exchanges, OrderRules Rules, Func<string, string?> GetVariable, EnvironmentChain? Chain = null);
