using Basis.Core.Settings;

namespace Basis.Core.Strategies;

/// <summary>
/// A strategy class and the mode keys it takes: its name, a line saying what it does, how its parameters are bound
/// from a mode's file, and how its strategy is made from them. Every family is listed in
/// <see cref="StrategyFamilies.All"/>; a mode in <see cref="StrategyCatalog"/> names its family.
/// </summary>
public sealed class StrategyFamily
{
    private readonly Func<IParameterReader, ParameterContext, StrategyParameters> _bind;
    private readonly Func<ModeSettings, IStrategy?> _create;

    private StrategyFamily(string name, string description, Func<IParameterReader, ParameterContext, StrategyParameters> bind, Func<ModeSettings, IStrategy?> create)
    {
        Name = name;
        Description = description;
        _bind = bind;
        _create = create;
    }

    /// <summary>The family's name in listings (<c>basis</c>, <c>leveraged staking</c>).</summary>
    public string Name { get; }

    /// <summary>One line on what the family's strategy does.</summary>
    public string Description { get; }

    /// <summary>A family whose strategy takes <typeparamref name="TParameters"/>.</summary>
    /// <param name="name">The family's name in listings.</param>
    /// <param name="description">One line on what its strategy does.</param>
    /// <param name="bind">Reads the family's keys; reports bad values through the reader instead of throwing.</param>
    /// <param name="create">Makes a fresh strategy for a mode's settings and its parameters.</param>
    public static StrategyFamily Of<TParameters>(string name, string description, Func<IParameterReader, ParameterContext, TParameters> bind, Func<ModeSettings, TParameters, IStrategy> create)
        where TParameters : StrategyParameters
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(description);
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(create);
        return new(name, description, (reader, context) => bind(reader, context), settings => settings.Strategy is TParameters parameters ? create(settings, parameters) : null);
    }

    /// <summary>Binds the family's parameters from a mode's keys; errors are recorded by <paramref name="reader"/>.</summary>
    public StrategyParameters Bind(IParameterReader reader, ParameterContext context)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(context);
        return _bind(reader, context);
    }

    /// <summary>A fresh strategy for <paramref name="settings"/>, or null when its parameters are another family's.</summary>
    public IStrategy? TryCreate(ModeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return _create(settings);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
