using System.Security.Cryptography;
using System.Text;
using Basis.ExchangeSimulator.Market;

namespace Basis.ExchangeSimulator.Accounting;

/// <summary>
/// The venue-neutral book of one simulated exchange: a simulated clock over the market tape, accounts, and the
/// order, margin and funding rules. Callers hold <see cref="Sync"/> around every read and change (requests run
/// concurrently). Margin is cross over the whole account; isolated mode is recorded and reported, not ring-fenced.
/// </summary>
public sealed class ExchangeState
{
    private const long HourSeconds = 3600;
    private readonly Dictionary<string, SimAccount> _accounts = new(StringComparer.Ordinal);
    private long _nextOrderId = 8_389_765_000;
    private long _nextWalletId = 1_000_000;

    public ExchangeState(MarketTape tape, IReadOnlyList<Instrument> instruments, TradingTerms terms, DateTime startUtc)
    {
        Tape = tape;
        Instruments = instruments.ToDictionary(i => i.Symbol, StringComparer.Ordinal);
        Terms = terms;
        NowSeconds = new DateTimeOffset(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc)).ToUnixTimeSeconds();
    }

    public object Sync { get; } = new();

    public MarketTape Tape { get; }

    public IReadOnlyDictionary<string, Instrument> Instruments { get; }

    public TradingTerms Terms { get; }

    /// <summary>The simulated time, Unix seconds; moved only by <see cref="AdvanceHours"/>.</summary>
    public long NowSeconds { get; private set; }

    public long NowMs => NowSeconds * 1000;

    public IReadOnlyDictionary<string, SimAccount> Accounts => _accounts;

    public SimAccount AddAccount(string apiKey, string secret, string asset, decimal balance, string passphrase = "")
    {
        var account = new SimAccount(apiKey, secret, passphrase) { UpdateTimeMs = NowMs };
        account.Wallet[asset] = balance;
        _accounts[apiKey] = account;
        return account;
    }

    public decimal Mark(string symbol) => Tape.MarkAt(symbol, NowSeconds);

    public decimal UnrealisedPnl(SimAccount account) =>
        account.Positions.Values.Where(p => p.Size != 0).Sum(p => p.UnrealisedPnl(Mark(p.Symbol)));

    /// <summary>Initial margin of a position at the mark: |size| × mark / leverage.</summary>
    public decimal PositionInitialMargin(SimAccount account, Position position) =>
        Math.Abs(position.Size) * Mark(position.Symbol) / account.LeverageOf(position.Symbol);

    public decimal MaintenanceMargin(Position position) => Math.Abs(position.Size) * Mark(position.Symbol) * Terms.MaintenanceMarginRate;

    /// <summary>Margin held by resting orders: unfilled quantity × price / leverage.</summary>
    public decimal OpenOrderInitialMargin(SimAccount account, string? symbol = null) =>
        account.Orders.Where(o => o.IsOpen && !o.ReduceOnly && (symbol is null || o.Symbol == symbol))
            .Sum(o => (o.Quantity - o.ExecutedQuantity) * o.Price / account.LeverageOf(o.Symbol));

    public decimal TotalPositionInitialMargin(SimAccount account) =>
        account.Positions.Values.Where(p => p.Size != 0).Sum(p => PositionInitialMargin(account, p));

    /// <summary>What new orders may use: wallet + unrealised PnL − position and open-order initial margin.</summary>
    public decimal AvailableBalance(SimAccount account, string asset) =>
        account.WalletOf(asset) + UnrealisedPnl(account) - TotalPositionInitialMargin(account) - OpenOrderInitialMargin(account);

    public Rejection SetLeverage(SimAccount account, string symbol, int leverage)
    {
        if (!Instruments.ContainsKey(symbol))
        {
            return Rejection.UnknownSymbol;
        }

        if (leverage is < 1 or > 125)
        {
            return Rejection.InvalidLeverage;
        }

        account.Leverage[symbol] = leverage;
        return Rejection.None;
    }

    public Rejection SetMarginMode(SimAccount account, string symbol, MarginMode mode)
    {
        if (!Instruments.ContainsKey(symbol))
        {
            return Rejection.UnknownSymbol;
        }

        if (account.MarginModeOf(symbol) == mode)
        {
            return Rejection.MarginModeUnchanged;
        }

        account.MarginModes[symbol] = mode;
        return Rejection.None;
    }

    /// <summary>
    /// Places an order. Market orders fill at once at mark ± slippage (taker fee), or only
    /// <paramref name="fillFraction"/> of their quantity when a fault asks for a partial fill; a limit order that
    /// crosses the mark fills at once as a taker, otherwise it rests until the clock moves the mark through it.
    /// </summary>
    public (SimOrder? Order, Rejection Rejection) PlaceOrder(
        SimAccount account, string symbol, OrderSide side, OrderType type, decimal quantity, decimal? price,
        string? clientOrderId, bool reduceOnly, string timeInForce, decimal fillFraction = 1m)
    {
        if (!Instruments.TryGetValue(symbol, out var instrument))
        {
            return (null, Rejection.UnknownSymbol);
        }

        if (quantity <= 0 || quantity % instrument.QuantityStep != 0)
        {
            return (null, Rejection.InvalidQuantity);
        }

        if (type is OrderType.Limit && (price is not { } p || p <= 0 || p % instrument.PriceTick != 0))
        {
            return (null, Rejection.InvalidPrice);
        }

        if (clientOrderId is not null && account.Orders.Any(o => o.ClientOrderId == clientOrderId))
        {
            return (null, Rejection.DuplicateClientOrderId);
        }

        var position = account.Position(symbol);
        var signed = side is OrderSide.Buy ? quantity : -quantity;
        if (reduceOnly && (position.Size == 0 || Math.Sign(position.Size) == Math.Sign(signed) || Math.Abs(signed) > Math.Abs(position.Size)))
        {
            return (null, Rejection.ReduceOnlyRejected);
        }

        var mark = Mark(symbol);
        if (!reduceOnly && quantity * (type is OrderType.Limit ? price!.Value : mark) < instrument.MinNotional)
        {
            return (null, Rejection.BelowMinNotional);
        }

        var crosses = type is OrderType.Market || (side is OrderSide.Buy ? price >= mark : price <= mark);
        var slipped = side is OrderSide.Buy ? mark * (1 + Terms.SlippageFraction) : mark * (1 - Terms.SlippageFraction);
        var fillPrice = type is OrderType.Market ? slipped : side is OrderSide.Buy ? Math.Min(price!.Value, slipped) : Math.Max(price!.Value, slipped);
        fillPrice = Math.Round(fillPrice / instrument.PriceTick, MidpointRounding.AwayFromZero) * instrument.PriceTick;

        // Margin for the part that grows exposure (plus the taker fee); a reduction frees margin instead.
        var increase = Math.Max(0m, Math.Abs(position.Size + signed) - Math.Abs(position.Size));
        var reference = crosses ? fillPrice : price!.Value;
        var required = (increase * reference / account.LeverageOf(symbol)) + (crosses ? quantity * fillPrice * Terms.TakerFee : 0m);
        if (required > 0 && required > AvailableBalance(account, instrument.QuoteAsset))
        {
            return (null, Rejection.InsufficientMargin);
        }

        var orderId = _nextOrderId++;
        var order = new SimOrder
        {
            OrderId = orderId,
            ClientOrderId = clientOrderId ?? $"sim-{orderId}",
            Symbol = symbol,
            Side = side,
            Type = type,
            Quantity = quantity,
            Price = type is OrderType.Limit ? price!.Value : 0m,
            ReduceOnly = reduceOnly,
            TimeInForce = timeInForce,
            TimeMs = NowMs,
            UpdateTimeMs = NowMs,
            Status = OrderStatus.New,
        };
        account.Orders.Add(order);

        if (crosses)
        {
            var fillQuantity = type is OrderType.Market && fillFraction < 1m
                ? Math.Floor(quantity * fillFraction / instrument.QuantityStep) * instrument.QuantityStep
                : quantity;
            Fill(account, instrument, order, fillQuantity, fillPrice, Terms.TakerFee);
        }

        return (order, Rejection.None);
    }

    public (SimOrder? Order, Rejection Rejection) CancelOrder(SimAccount account, string symbol, long? orderId, string? clientOrderId)
    {
        var order = FindOrder(account, symbol, orderId, clientOrderId);
        if (order is null)
        {
            return (null, Rejection.UnknownOrder);
        }

        if (!order.IsOpen)
        {
            return (order, Rejection.OrderNotOpen);
        }

        order.Status = OrderStatus.Canceled;
        order.UpdateTimeMs = NowMs;
        return (order, Rejection.None);
    }

    public static SimOrder? FindOrder(SimAccount account, string symbol, long? orderId, string? clientOrderId) =>
        account.Orders.FirstOrDefault(o => o.Symbol == symbol && (orderId is { } id ? o.OrderId == id : o.ClientOrderId == clientOrderId));

    /// <summary>
    /// Moves <paramref name="amount"/> between the funding balance and the trading wallet. Leaving the trading wallet it
    /// may take what new orders could use (<see cref="AvailableBalance"/>), no more. Returns the transfer's id.
    /// </summary>
    public (long Id, Rejection Rejection) Transfer(SimAccount account, string asset, decimal amount, bool toTrading)
    {
        if (amount <= 0)
        {
            return (0, Rejection.InvalidQuantity);
        }

        var (from, to) = toTrading ? (account.Funding, account.Wallet) : (account.Wallet, account.Funding);
        var spare = toTrading ? account.FundingOf(asset) : AvailableBalance(account, asset);
        if (amount > spare)
        {
            return (0, Rejection.InsufficientBalance);
        }

        from[asset] = from.GetValueOrDefault(asset) - amount;
        to[asset] = to.GetValueOrDefault(asset) + amount;
        account.UpdateTimeMs = NowMs;
        return (_nextWalletId++, Rejection.None);
    }

    /// <summary>Records a withdrawal and debits the funding balance (no fee is charged).</summary>
    public (SimWithdrawal? Withdrawal, Rejection Rejection) Withdraw(
        SimAccount account, string asset, string chain, string address, string? tag, decimal amount, string? clientId)
    {
        if (amount <= 0)
        {
            return (null, Rejection.InvalidQuantity);
        }

        if (amount > account.FundingOf(asset))
        {
            return (null, Rejection.InsufficientBalance);
        }

        account.Funding[asset] = account.FundingOf(asset) - amount;
        var withdrawal = new SimWithdrawal(_nextWalletId++, asset, chain, address, tag, amount, clientId, NowMs);
        account.Withdrawals.Add(withdrawal);
        account.UpdateTimeMs = NowMs;
        return (withdrawal, Rejection.None);
    }

    /// <summary>The account's deposit address for an asset on a chain: the same every time, different per account, asset and chain.</summary>
    public static string DepositAddress(SimAccount account, string asset, string chain) =>
        "0x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{account.ApiKey}/{asset}/{chain}")))[..40];

    /// <summary>
    /// Moves the clock hour by hour: at each hour the mark moves to the data's, resting limit orders the mark
    /// crossed fill at their price (maker fee), and where the funding series has a row at that hour every open
    /// position receives −size × mark × rate.
    /// </summary>
    public void AdvanceHours(int hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        foreach (var symbol in Instruments.Keys)
        {
            Tape.MarkAt(symbol, NowSeconds + (hours * HourSeconds)); // throws before anything moves when the data ends first
        }

        for (var h = 0; h < hours; h++)
        {
            NowSeconds += HourSeconds;
            foreach (var account in _accounts.Values)
            {
                FillCrossedLimits(account);
                ApplyFunding(account);
            }
        }
    }

    private void FillCrossedLimits(SimAccount account)
    {
        foreach (var order in account.Orders.Where(o => o.IsOpen && o.Type is OrderType.Limit).ToList())
        {
            var mark = Mark(order.Symbol);
            if (order.Side is OrderSide.Buy ? mark <= order.Price : mark >= order.Price)
            {
                Fill(account, Instruments[order.Symbol], order, order.Quantity - order.ExecutedQuantity, order.Price, Terms.MakerFee);
            }
        }
    }

    private void ApplyFunding(SimAccount account)
    {
        foreach (var position in account.Positions.Values.Where(p => p.Size != 0))
        {
            if (Tape.FundingAt(position.Symbol, NowSeconds) is { } rate)
            {
                var payment = position.FundingPayment(Mark(position.Symbol), rate);
                var asset = Instruments[position.Symbol].QuoteAsset;
                account.Wallet[asset] = account.WalletOf(asset) + payment;
                account.FundingReceived[position.Symbol] = account.FundingReceived.GetValueOrDefault(position.Symbol) + payment;
                account.UpdateTimeMs = NowMs;
            }
        }
    }

    private void Fill(SimAccount account, Instrument instrument, SimOrder order, decimal quantity, decimal price, decimal feeRate)
    {
        if (quantity <= 0)
        {
            return;
        }

        var realised = account.Position(order.Symbol).Apply(order.SignedQuantity(quantity), price, NowMs);
        var fee = quantity * price * feeRate;
        account.Wallet[instrument.QuoteAsset] = account.WalletOf(instrument.QuoteAsset) + realised - fee;
        order.ExecutedQuantity += quantity;
        order.CumulativeQuote += quantity * price;
        order.Status = order.ExecutedQuantity == order.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        order.UpdateTimeMs = NowMs;
        account.UpdateTimeMs = NowMs;
    }
}
