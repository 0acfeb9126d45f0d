using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Sweeps;

namespace Basis.Orchestrations.Tests.Sweeps;

public sealed class SweepGridTests
{
    private static readonly DateTime January = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime February = new(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly BacktestRequest Base = new("eth_basis", January, February, Overrides: ["margin.target=0.25"]);

    [Fact]
    public void Every_combination_of_modes_periods_and_settings_is_one_run_in_a_fixed_order()
    {
        var sweep = new SweepRequest(
            Base,
            Grid: new Dictionary<string, IReadOnlyList<string>> { ["b"] = ["1", "2", "3"], ["a"] = ["x", "y"] },
            Modes: ["eth_basis", "btc_basis"],
            Periods: [new SweepPeriod(January, February), new SweepPeriod(February, February.AddMonths(1))]);

        var cases = SweepGrid.Expand("sw", sweep);

        Assert.Equal(2 * 2 * 3 * 2, cases.Count);
        Assert.Equal("sw-00000", cases[0].RunId);
        Assert.Equal("sw-00023", cases[^1].RunId);
        Assert.Equal(cases.Count, cases.Select(c => string.Join('|', c.Parameters.Select(p => $"{p.Key}={p.Value}"))).Distinct().Count());

        // Settings vary in key order (a before b), the last fastest; the base's overrides come first.
        Assert.Equal(["margin.target=0.25", "a=x", "b=1"], cases[0].Request.Overrides);
        Assert.Equal(["margin.target=0.25", "a=x", "b=2"], cases[1].Request.Overrides);
        Assert.Equal(["margin.target=0.25", "a=y", "b=1"], cases[3].Request.Overrides);
        Assert.Equal("btc_basis", cases[12].Request.Mode);
        Assert.All(cases, c =>
        {
            Assert.Equal("sw", c.Request.SweepId);
            Assert.Equal(KeptResults.SummaryOnly, c.Request.Keep);
        });
    }

    [Fact]
    public void Without_a_grid_the_sweep_is_the_base_run_alone()
    {
        var cases = SweepGrid.Expand("sw", new SweepRequest(Base));

        var only = Assert.Single(cases);
        Assert.Equal(Base.Overrides, only.Request.Overrides);
        Assert.Equal("eth_basis", only.Parameters["mode"]);
    }

    [Fact]
    public void A_setting_without_values_or_a_grid_too_large_is_refused_naming_grid()
    {
        var empty = Assert.Throws<BacktestRequestException>(() => SweepGrid.Expand("sw", new SweepRequest(Base, new Dictionary<string, IReadOnlyList<string>> { ["a"] = [] })));
        Assert.Equal("grid", empty.Field);

        var values = Enumerable.Range(0, 101).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var huge = Assert.Throws<BacktestRequestException>(() => SweepGrid.Expand("sw", new SweepRequest(Base, new Dictionary<string, IReadOnlyList<string>> { ["a"] = values, ["b"] = values })));
        Assert.Equal("grid", huge.Field);
        Assert.Contains("10,201 runs", huge.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slice_is_the_same_runs_as_the_whole_expansion_cut_there()
    {
        var sweep = new SweepRequest(
            Base,
            Grid: new Dictionary<string, IReadOnlyList<string>> { ["b"] = ["1", "2", "3"], ["a"] = ["x", "y"], ["c"] = ["p", "q", "r", "s"] },
            Modes: ["eth_basis", "btc_basis"],
            Periods: [new SweepPeriod(January, February), new SweepPeriod(February, February.AddMonths(1))]);
        var whole = SweepGrid.Expand("sw", sweep);

        Assert.Equal(whole.Count, SweepGrid.Count(sweep));
        foreach (var (from, count) in (ReadOnlySpan<(int, int)>)[(0, 5), (7, 30), (90, 100), (95, 1), (96, 10)])
        {
            var slice = SweepGrid.Expand("sw", sweep, from, count);
            var expected = whole.Skip(from).Take(count).ToList();
            Assert.Equal(expected.Select(c => c.RunId), slice.Select(c => c.RunId));
            Assert.Equal(expected.Select(c => string.Join(';', c.Parameters)), slice.Select(c => string.Join(';', c.Parameters)));
            Assert.Equal(expected.Select(c => string.Join(';', c.Request.Overrides!)), slice.Select(c => string.Join(';', c.Request.Overrides!)));
        }
    }
}
