using Basis.Venues.Exchanges;

namespace Basis.Live.Reconciliation;

/// <summary>
/// Why a location could not be read: the exchange's typed error kind when an exchange answered with one (null for the
/// chain, a transport failure outside a client, or a location no reader covers), and the message.
/// </summary>
public sealed record ReadFailure(ExchangeErrorKind? Kind, string Message);
