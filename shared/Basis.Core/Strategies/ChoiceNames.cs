using Basis.Core.Instruments;

namespace Basis.Core.Strategies;

/// <summary>How a setting's enum members are written in the modes' files and shown to clients: <c>ETH</c>, <c>bybit</c>, <c>weETH</c>.</summary>
public static class ChoiceNames
{
    /// <summary>The member as the files write it.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum => value switch
        {
            Asset asset => asset.Symbol(),
            Venue venue => venue.Name(),
            LstToken lst => lst.Symbol(),
            _ => value.ToString(),
        };
}
