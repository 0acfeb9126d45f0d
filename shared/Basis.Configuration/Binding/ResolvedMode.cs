using Basis.Configuration.Tree;
using Basis.Core.Settings;
using Basis.Core.Strategies;

namespace Basis.Configuration.Binding;

/// <summary>A mode's configuration after merge and validation, ready to run.</summary>
/// <param name="Mode">The catalogue entry (canonical name, aliases).</param>
/// <param name="Settings">The validated mode settings.</param>
/// <param name="ShareClass">The share class' settings.</param>
/// <param name="Venues">Venue parameters.</param>
/// <param name="Merged">The merged tree of the mode file and overrides, for display.</param>
/// <param name="ConfigHash">SHA-256 (hex) of every merged input: mode, share class, venues and costs.</param>
/// <param name="Parameters">The family's settings as its binding read them: dotted key, type and bounds.</param>
public sealed record ResolvedMode(
    StrategyMode Mode,
    ModeSettings Settings,
    ShareClassSettings ShareClass,
    VenueSettings Venues,
    ConfigNode Merged,
    string ConfigHash,
    IReadOnlyList<ParameterRange> Parameters);
