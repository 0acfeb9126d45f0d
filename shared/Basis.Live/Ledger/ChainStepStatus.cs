namespace Basis.Live.Ledger;

/// <summary>Where an on-chain step is: written ahead; signed with its hash recorded (sent or about to be); mined; or failed.</summary>
public enum ChainStepStatus
{
    Planned,
    Pending,
    Confirmed,
    Failed,
}
