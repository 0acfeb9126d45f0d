namespace Basis.Live.Ledger;

/// <summary>
/// Where an on-chain step is: written ahead; signed with its hash recorded (sent or about to be; for a withdrawal, asked
/// of the venue); arriving (a deposit mined and not yet credited, a withdrawal not yet in the wallet); moving (between a
/// venue's accounts); done; or failed.
/// </summary>
public enum ChainStepStatus
{
    Planned,
    Pending,
    Arriving,
    Moving,
    Confirmed,
    Failed,
}
