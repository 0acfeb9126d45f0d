using Basis.Live.Safety;

namespace Basis.Live.Ledger;

/// <summary>
/// A strategy instance running live: its strategy mode (a <c>configs/modes</c> name), share class (usdt, eth),
/// capital in share-class units, the venues it trades on (binance, bybit, okx, ethereum, ...), the limits it runs
/// under as a JSON object, whether it executes on paper or for real (as <see cref="ExecutionGate"/> decided), and
/// whether it is running. <c>Id</c> keys every ledger row the instance writes.
/// </summary>
public sealed record LiveInstance(
    string Id,
    string Name,
    string Mode,
    string ShareClass,
    decimal Capital,
    IReadOnlyList<string> Venues,
    string LimitsJson,
    ExecutionKind ExecutionKind,
    LiveInstanceStatus Status,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc);
