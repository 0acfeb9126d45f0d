namespace Basis.Server.Cli;

/// <summary>Process exit codes of every verb.</summary>
internal static class ExitCodes
{
    /// <summary>The verb did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The work ran and failed (or found errors, for <c>data validate</c>).</summary>
    public const int Failed = 1;

    /// <summary>The input was wrong: an argument, a config value, data that does not cover the period.</summary>
    public const int BadInput = 2;
}
