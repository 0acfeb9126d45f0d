namespace Basis.Live.Ledger;

/// <summary>
/// Where an on-chain step is: written ahead; signed with its hash recorded (sent or about to be); for a deposit to an
/// exchange, mined and arriving (the venue has not credited it yet), then moving (credited, and being moved into the
/// trading account); done; or failed.
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
