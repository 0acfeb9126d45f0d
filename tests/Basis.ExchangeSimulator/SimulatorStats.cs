namespace Basis.ExchangeSimulator;

/// <summary>What the simulator saw: requests, failed signature checks, and the request weight used in the current minute.</summary>
public sealed class SimulatorStats
{
    private readonly Lock _sync = new();
    private long _minute;
    private int _weight;
    private int _signatureFailures;
    private int _requests;

    public int SignatureFailures
    {
        get
        {
            lock (_sync)
            {
                return _signatureFailures;
            }
        }
    }

    public int Requests
    {
        get
        {
            lock (_sync)
            {
                return _requests;
            }
        }
    }

    public void SignatureFailed()
    {
        lock (_sync)
        {
            _signatureFailures++;
        }
    }

    /// <summary>Adds a request's weight to the wall-clock minute's total (Binance's window) and returns that total.</summary>
    public int AddWeight(int weight, DateTimeOffset now)
    {
        lock (_sync)
        {
            _requests++;
            var minute = now.ToUnixTimeSeconds() / 60;
            if (minute != _minute)
            {
                _minute = minute;
                _weight = 0;
            }

            _weight += weight;
            return _weight;
        }
    }
}
