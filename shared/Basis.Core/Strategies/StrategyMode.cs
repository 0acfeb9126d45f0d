using Basis.Core.Settings;

namespace Basis.Core.Strategies;

/// <summary>A mode name the platform knows (DESIGN §5), implemented or planned.</summary>
/// <param name="Name">Canonical name (the configs/modes file name).</param>
/// <param name="ShareClass">Reporting currency.</param>
/// <param name="Aliases">Other accepted names.</param>
/// <param name="Family">The strategy family (<see cref="StrategyFamilies"/>); null while the mode is planned but not built.</param>
/// <param name="PlannedWith">For a planned mode, what it arrives with.</param>
public sealed record StrategyMode(string Name, ShareClass ShareClass, IReadOnlyList<string> Aliases, StrategyFamily? Family, string? PlannedWith = null)
{
    /// <summary>True when the mode can be run.</summary>
    public bool IsImplemented => Family is not null;
}
