namespace Basis.Orchestrations.Backtests;

/// <summary>A backtest request that cannot run, with the request field at fault (in the API's snake_case names).</summary>
public sealed class BacktestRequestException : Exception
{
    public BacktestRequestException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public BacktestRequestException()
    {
        Field = string.Empty;
    }

    public BacktestRequestException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    public BacktestRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>The request field (e.g. <c>end_date</c>, <c>config_overrides</c>).</summary>
    public string Field { get; }
}
