using Basis.Core.Instruments;
using Basis.Core.Trading;

namespace Basis.Orchestrations.Live;

/// <summary>
/// What a real instance adds to each hour of its cycle: the hour's orders for the venues, recorded in the ledger with
/// the hour itself (so an hour is never recorded without its orders, nor its orders without it), or why the hour cannot
/// be carried out at the venues, in which case the cycle stops before it.
/// </summary>
public interface IHourExecution
{
    /// <summary>Plans the venues' side of the hour that just ran in the instance's book.</summary>
    /// <param name="hourUtc">The hour.</param>
    /// <param name="verdicts">The intents the strategy submitted in the hour, as the safety gate passed, split or refused them.</param>
    /// <param name="book">What the book holds at the end of the hour, by position: each perpetual's signed size and each venue's token balances.</param>
    /// <param name="usdPerUnit">The hour's USD value of one unit of an instrument (a token, an LST at its rate), as the book values it.</param>
    HourPlan Plan(DateTimeOffset hourUtc, IReadOnlyList<GateDecision> verdicts, IReadOnlyDictionary<InstrumentKey, double> book, Func<Instrument, double> usdPerUnit);
}
