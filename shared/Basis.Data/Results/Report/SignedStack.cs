namespace Basis.Data.Results.Report;

/// <summary>
/// Stacks signed series (cumulative P&amp;L by source) so that each band's height is the size of its source:
/// at every hour the positive values are piled upwards from zero and the negative ones downwards, each in the
/// given order. An ordinary stack would let a cost drawn above a gain hide part of that gain; here nothing
/// overlaps, the top edge is the sum of the gains and the bottom edge the sum of the losses, and the net (drawn
/// as a line by the caller) lies between them. A source that changes sign simply moves to the other side of zero.
/// </summary>
internal static class SignedStack
{
    public static IReadOnlyList<StackLayer> Build(IReadOnlyList<double[]> sources, int length)
    {
        var positive = new double[length];
        var negative = new double[length];
        var layers = new List<StackLayer>(sources.Count);
        foreach (var values in sources)
        {
            var lower = new double[length];
            var upper = new double[length];
            for (var h = 0; h < length; h++)
            {
                var value = double.IsFinite(values[h]) ? values[h] : 0;
                if (value >= 0)
                {
                    lower[h] = positive[h];
                    positive[h] += value;
                    upper[h] = positive[h];
                }
                else
                {
                    upper[h] = negative[h];
                    negative[h] += value;
                    lower[h] = negative[h];
                }
            }

            layers.Add(new StackLayer(lower, upper));
        }

        return layers;
    }
}
