using Basis.Data.Results.Report;

namespace Basis.Data.Tests.Results.Report;

public sealed class SignedStackTests
{
    [Fact]
    public void Gains_pile_up_from_zero_and_losses_down_so_each_band_is_as_high_as_its_source()
    {
        // Hour 0: funding 5, fees −2, basis 3 → funding [0, 5], fees [−2, 0], basis [5, 8].
        // Hour 1: basis turns negative (−1) and goes below the fees: fees [−2, 0], basis [−3, −2].
        double[] funding = [5, 6];
        double[] fees = [-2, -2];
        double[] basis = [3, -1];

        var layers = SignedStack.Build([funding, fees, basis], 2);

        Assert.Equal([0.0, 0], layers[0].Lower);
        Assert.Equal([5.0, 6], layers[0].Upper);
        Assert.Equal([-2.0, -2], layers[1].Lower);
        Assert.Equal([0.0, 0], layers[1].Upper);
        Assert.Equal([5.0, -3], layers[2].Lower);
        Assert.Equal([8.0, -2], layers[2].Upper);
    }
}
