using System.Security.Cryptography;
using System.Text;
using Basis.ExchangeSimulator.Market;

namespace Basis.ExchangeSimulator.Accounting;

/// <summary>
/// The venue-neutral book of one simulated exchange: a simulated clock over the market tape, accounts, and the
/// order, margin and funding rules. Callers hold <see cref="Sync"/> around every read and change (requests run
/// concurrently). Margin is cross over the whole account; isolated mode is recorded and reported, not ring-fenced.
/// Spot pairs trade from the account's spot balances: a separate spot account (Binance) or, on a unified account
/// (Bybit UTA, OKX's trading account), the trading wallet the perpetuals' margin also comes from.
/// </summary>
public sealed class ExchangeState
{
    private const long HourSeconds = 3600;

    // Every listed perpetual is USDT-margined: the one asset margin, unrealised PnL and funding are counted in.
    private const string MarginAsset = "USDT";
    private readonly Dictionary<string, SimAccount> _accounts = new(StringComparer.Ordinal);
    private long _nextOrderId = 8_389_765_000;
    private long _nextWalletId = 1_000_000;

    public ExchangeState(
        MarketTape tape, IReadOnlyList<Instrument> instruments, TradingTerms terms, DateTime startUtc,
        IReadOnlyList<Instrument>? spotInstruments = null, bool unifiedAccount = false)
    {
        Tape = tape;
        Instruments = instruments.ToDictionary(i => i.Symbol, StringComparer.Ordinal);
        SpotInstruments = (spotInstruments ?? []).ToDictionary(i => i.Symbol, StringComparer.Ordinal);
        UnifiedAccount = unifiedAccount;
        Terms = terms;
        NowSeconds = new DateTimeOffset(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc)).ToUnixTimeSeconds();
    }

    public object Sync { get; } = new();

    public MarketTape Tape { get; }

    public IReadOnlyDictionary<string, Instrument> Instruments { get; }

    /// <summary>The spot pairs, keyed like the perpetuals (BTCUSDT); their prices are <see cref="MarketTape.SpotAt"/>.</summary>
    public IReadOnlyDictionary<string, Instrument> SpotInstruments { get; }

    /// <summary>Spot trades settle in the trading wallet (<see cref="SimAccount.Wallet"/>) rather than <see cref="SimAccount.Spot"/>.</summary>
    public bool UnifiedAccount { get; }

    public TradingTerms Terms { get; }

    /// <summary>The simulated time, Unix seconds; moved only by <see cref="AdvanceHours"/>.</summary>
    public long NowSeconds { get; private set; }

    public long NowMs => NowSeconds * 1000;

    public IReadOnlyDictionary<string, SimAccount> Accounts => _accounts;

    /// <summary>Adds an account; <paramref name="spotBalance"/> is the separate spot account's (none on a unified account).</summary>
    public SimAccount AddAccount(string apiKey, string secret, string asset, decimal balance, string passphrase = "", decimal spotBalance = 0m)
    {
        var account = new SimAccount(apiKey, secret, passphrase) { UpdateTimeMs = NowMs };
        account.Wallet[asset] = balance;
        if (!UnifiedAccount && spotBalance != 0)
        {
            account.Spot[asset] = spotBalance;
        }

        _accounts[apiKey] = account;
        return account;
    }

    public decimal Mark(string symbol) => Tape.MarkAt(symbol, NowSeconds);

    public decimal SpotPrice(string symbol) => Tape.SpotAt(symbol, NowSeconds);

    /// <summary>The balances spot orders trade from: the trading wallet on a unified account, else the spot account.</summary>
    public Dictionary<string, decimal> SpotBalances(SimAccount account) => UnifiedAccount ? account.Wallet : account.Spot;

    /// <summary>What open spot orders hold: the quote asset of buys at their limit, the base asset of sells.</summary>
    public decimal SpotLocked(SimAccount account, string asset) =>
        account.Orders.Where(o => o.IsOpen && o.Product is Product.Spot).Sum(o =>
        {
            var instrument = SpotInstruments[o.Symbol];
            var left = o.Quantity - o.ExecutedQuantity;
            return o.Side is OrderSide.Buy
                ? (instrument.QuoteAsset == asset ? left * o.Price : 0m)
                : (instrument.BaseAsset == asset ? left : 0m);
        });

    /// <summary>
    /// What a new spot order may spend: the balance less what open spot orders hold; on a unified account the margin
    /// asset's is what new perpetual orders may use too (<see cref="AvailableBalance"/>). Other coins are not collateral.
    /// </summary>
    public decimal SpotAvailable(SimAccount account, string asset) =>
        UnifiedAccount && asset == MarginAsset
            ? AvailableBalance(account, asset)
            : SpotBalances(account).GetValueOrDefault(asset) - SpotLocked(account, asset);

    public decimal UnrealisedPnl(SimAccount account) =>
        account.Positions.Values.Where(p => p.Size != 0).Sum(p => p.UnrealisedPnl(Mark(p.Symbol)));

    /// <summary>Initial margin of a position at the mark: |size| × mark / leverage.</summary>
    public decimal PositionInitialMargin(SimAccount account, Position position) =>
        Math.Abs(position.Size) * Mark(position.Symbol) / account.LeverageOf(position.Symbol);

    public decimal MaintenanceMargin(Position position) => Math.Abs(position.Size) * Mark(position.Symbol) * Terms.MaintenanceMarginRate;

    /// <summary>Margin held by resting orders: unfilled quantity × price / leverage.</summary>
    public decimal OpenOrderInitialMargin(SimAccount account, string? symbol = null) =>
        account.Orders.Where(o => o.IsOpen && o.Product is Product.Perpetual && !o.ReduceOnly && (symbol is null || o.Symbol == symbol))
            .Sum(o => (o.Quantity - o.ExecutedQuantity) * o.Price / account.LeverageOf(o.Symbol));

    public decimal TotalPositionInitialMargin(SimAccount account) =>
        account.Positions.Values.Where(p => p.Size != 0).Sum(p => PositionInitialMargin(account, p));

    /// <summary>
    /// What new orders may use: wallet + unrealised PnL − position and open-order initial margin, and on a unified
    /// account what open spot orders hold; to the 8 places the venues report it, never rounded up, so that moving all a
    /// venue says is available is never refused.
    /// </summary>
    public decimal AvailableBalance(SimAccount account, string asset) => Math.Round(
        account.WalletOf(asset) + UnrealisedPnl(account) - TotalPositionInitialMargin(account) - OpenOrderInitialMargin(account)
        - (UnifiedAccount ? SpotLocked(account, asset) : 0m),
        8,
        MidpointRounding.ToZero);

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

        if (Validate(account, Product.Perpetual, instrument, type, quantity, price, clientOrderId) is var invalid and not Rejection.None)
        {
            return (null, invalid);
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

        var crosses = Crosses(side, type, price, mark);
        var fillPrice = TakerPrice(instrument, side, type, price, mark);

        // Margin for the part that grows exposure (plus the taker fee); a reduction frees margin instead.
        var increase = Math.Max(0m, Math.Abs(position.Size + signed) - Math.Abs(position.Size));
        var reference = crosses ? fillPrice : price!.Value;
        var required = (increase * reference / account.LeverageOf(symbol)) + (crosses ? quantity * fillPrice * Terms.TakerFee : 0m);
        if (required > 0 && required > AvailableBalance(account, instrument.QuoteAsset))
        {
            return (null, Rejection.InsufficientMargin);
        }

        var order = AddOrder(account, Product.Perpetual, symbol, side, type, quantity, price, clientOrderId, reduceOnly, timeInForce);
        if (crosses)
        {
            Take(account, instrument, order, fillPrice, fillFraction);
        }

        return (order, Rejection.None);
    }

    /// <summary>
    /// Places a spot order, filled like a perpetual's but at the spot price (<see cref="SpotPrice"/>) and against the
    /// spot balances: a buy needs its quote (at the fill price when it takes, at its limit when it rests), a sell its
    /// base quantity, both out of <see cref="SpotAvailable"/>. The fee comes out of what the fill brings in.
    /// </summary>
    public (SimOrder? Order, Rejection Rejection) PlaceSpotOrder(
        SimAccount account, string symbol, OrderSide side, OrderType type, decimal quantity, decimal? price,
        string? clientOrderId, string timeInForce, decimal fillFraction = 1m)
    {
        if (!SpotInstruments.TryGetValue(symbol, out var instrument))
        {
            return (null, Rejection.UnknownSymbol);
        }

        if (Validate(account, Product.Spot, instrument, type, quantity, price, clientOrderId) is var invalid and not Rejection.None)
        {
            return (null, invalid);
        }

        var reference = SpotPrice(symbol);
        if (quantity * (type is OrderType.Limit ? price!.Value : reference) < instrument.MinNotional)
        {
            return (null, Rejection.BelowMinNotional);
        }

        var crosses = Crosses(side, type, price, reference);
        var fillPrice = TakerPrice(instrument, side, type, price, reference);
        var (asset, needed) = side is OrderSide.Buy
            ? (instrument.QuoteAsset, quantity * (crosses ? fillPrice : price!.Value))
            : (instrument.BaseAsset, quantity);
        if (needed > SpotAvailable(account, asset))
        {
            return (null, Rejection.InsufficientBalance);
        }

        var order = AddOrder(account, Product.Spot, symbol, side, type, quantity, price, clientOrderId, false, timeInForce);
        if (crosses)
        {
            Take(account, instrument, order, fillPrice, fillFraction);
        }

        return (order, Rejection.None);
    }

    /// <summary>The price a market order of <paramref name="side"/> on <paramref name="product"/> would fill at now.</summary>
    public decimal MarketFillPrice(Product product, string symbol, OrderSide side) => product is Product.Spot
        ? TakerPrice(SpotInstruments[symbol], side, OrderType.Market, null, SpotPrice(symbol))
        : TakerPrice(Instruments[symbol], side, OrderType.Market, null, Mark(symbol));

    public (SimOrder? Order, Rejection Rejection) CancelOrder(
        SimAccount account, string symbol, long? orderId, string? clientOrderId, Product product = Product.Perpetual)
    {
        var order = FindOrder(account, symbol, orderId, clientOrderId, product);
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

    public static SimOrder? FindOrder(
        SimAccount account, string symbol, long? orderId, string? clientOrderId, Product product = Product.Perpetual) =>
        account.Orders.FirstOrDefault(o => o.Product == product && o.Symbol == symbol
            && (orderId is { } id ? o.OrderId == id : o.ClientOrderId == clientOrderId));

    /// <summary>Blocks a deposit or withdrawal transfer needs, its own included, to be credited or complete.</summary>
    public int ChainConfirmations { get; init; } = 1;

    /// <summary>Each asset's withdrawal fee, charged on top of the amount (none when not listed).</summary>
    public IReadOnlyDictionary<string, decimal> WithdrawalFees { get; init; } = new Dictionary<string, decimal>();

    /// <summary>
    /// Where deposits are credited and withdrawals leave from, as each venue does it by default: Binance's spot wallet
    /// (its separate spot account), the funding account on Bybit (FUND) and OKX (6), apart from their unified trading wallets.
    /// </summary>
    public Dictionary<string, decimal> DepositBalances(SimAccount account) => UnifiedAccount ? account.Funding : account.Spot;

    // What may leave the deposit balances: Binance's spot wallet less what open spot orders hold; the whole funding balance.
    private decimal DepositSpare(SimAccount account, string asset) =>
        UnifiedAccount ? account.FundingOf(asset) : SpotAvailable(account, asset);

    /// <summary>
    /// Moves <paramref name="amount"/> between the deposit balances (<see cref="DepositBalances"/>) and the trading
    /// wallet. Leaving the trading wallet it may take what new orders could use (<see cref="AvailableBalance"/>), no more.
    /// Returns the transfer's id.
    /// </summary>
    public (long Id, Rejection Rejection) Transfer(SimAccount account, string asset, decimal amount, bool toTrading)
    {
        if (amount <= 0)
        {
            return (0, Rejection.InvalidQuantity);
        }

        var (from, to) = toTrading ? (DepositBalances(account), account.Wallet) : (account.Wallet, DepositBalances(account));
        var spare = toTrading ? DepositSpare(account, asset) : AvailableBalance(account, asset);
        if (amount > spare)
        {
            return (0, Rejection.InsufficientBalance);
        }

        from[asset] = from.GetValueOrDefault(asset) - amount;
        to[asset] = to.GetValueOrDefault(asset) + amount;
        account.UpdateTimeMs = NowMs;
        return (_nextWalletId++, Rejection.None);
    }

    /// <summary>Records a withdrawal and debits its amount and the asset's fee (<see cref="WithdrawalFees"/>) from the deposit balances.</summary>
    public (SimWithdrawal? Withdrawal, Rejection Rejection) Withdraw(
        SimAccount account, string asset, string chain, string address, string? tag, decimal amount, string? clientId)
    {
        if (amount <= 0)
        {
            return (null, Rejection.InvalidQuantity);
        }

        var fee = WithdrawalFees.GetValueOrDefault(asset);
        if (amount + fee > DepositSpare(account, asset))
        {
            return (null, Rejection.InsufficientBalance);
        }

        var balances = DepositBalances(account);
        balances[asset] = balances.GetValueOrDefault(asset) - amount - fee;
        var withdrawal = new SimWithdrawal(_nextWalletId++, asset, chain, address, tag, amount, clientId, NowMs) { Fee = fee };
        account.Withdrawals.Add(withdrawal);
        account.UpdateTimeMs = NowMs;
        return (withdrawal, Rejection.None);
    }

    /// <summary>The withdrawal's transfer is broadcast as <paramref name="txHash"/>.</summary>
    public void WithdrawalSent(SimWithdrawal withdrawal, string txHash)
    {
        withdrawal.TxHash = txHash;
        withdrawal.State = WithdrawalState.Sent;
        withdrawal.UpdateTimeMs = NowMs;
    }

    /// <summary>The withdrawal's transfer has its confirmations.</summary>
    public void WithdrawalCompleted(SimWithdrawal withdrawal)
    {
        withdrawal.State = WithdrawalState.Completed;
        withdrawal.UpdateTimeMs = NowMs;
    }

    /// <summary>The withdrawal could not be sent, or its transfer reverted: amount and fee go back to the deposit balances.</summary>
    public void WithdrawalFailed(SimAccount account, SimWithdrawal withdrawal)
    {
        var balances = DepositBalances(account);
        balances[withdrawal.Asset] = balances.GetValueOrDefault(withdrawal.Asset) + withdrawal.Amount + withdrawal.Fee;
        withdrawal.State = WithdrawalState.Failed;
        withdrawal.UpdateTimeMs = NowMs;
        account.UpdateTimeMs = NowMs;
    }

    /// <summary>
    /// Records a transfer seen on chain to one of the account's deposit addresses, pending until
    /// <see cref="ConfirmDeposits"/> credits it; a transfer already recorded (same hash and log index) is left alone.
    /// </summary>
    public SimDeposit? RecordDeposit(
        SimAccount account, string asset, string chain, string address, decimal amount, string txHash, long logIndex, long blockNumber)
    {
        if (account.Deposits.Any(d => d.TxHash == txHash && d.LogIndex == logIndex))
        {
            return null;
        }

        var deposit = new SimDeposit(_nextWalletId++, asset, chain, address, amount, txHash, logIndex, blockNumber, NowMs);
        account.Deposits.Add(deposit);
        return deposit;
    }

    /// <summary>
    /// Counts every pending deposit's confirmations at chain head <paramref name="headBlock"/> and credits, once, those
    /// that have <see cref="ChainConfirmations"/> to the deposit balances.
    /// </summary>
    public void ConfirmDeposits(long headBlock)
    {
        foreach (var account in _accounts.Values)
        {
            foreach (var deposit in account.Deposits.Where(d => !d.Credited))
            {
                deposit.Confirmations = Math.Max(0, headBlock - deposit.BlockNumber + 1);
                if (deposit.Confirmations >= ChainConfirmations)
                {
                    var balances = DepositBalances(account);
                    balances[deposit.Asset] = balances.GetValueOrDefault(deposit.Asset) + deposit.Amount;
                    deposit.Credited = true;
                    deposit.UpdateTimeMs = NowMs;
                    account.UpdateTimeMs = NowMs;
                }
            }
        }
    }

    /// <summary>The venue's name (binance, bybit, okx): deposit addresses differ per venue, as two exchanges' do.</summary>
    public string Venue { get; init; } = string.Empty;

    /// <summary>The account's deposit address for an asset on a chain: the same every time, different per venue, account, asset and chain.</summary>
    public string DepositAddress(SimAccount account, string asset, string chain) =>
        "0x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Venue}/{account.ApiKey}/{asset}/{chain}")))[..40];

    /// <summary>
    /// Moves the clock hour by hour: at each hour the mark and spot prices move to the data's, resting limit orders
    /// their price crossed fill at their limit (maker fee), and where the funding series has a row at that hour every open
    /// position receives −size × mark × rate.
    /// </summary>
    public void AdvanceHours(int hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        foreach (var symbol in Instruments.Keys)
        {
            Tape.MarkAt(symbol, NowSeconds + (hours * HourSeconds)); // throws before anything moves when the data ends first
        }

        foreach (var symbol in SpotInstruments.Keys)
        {
            Tape.SpotAt(symbol, NowSeconds + (hours * HourSeconds));
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
            var spot = order.Product is Product.Spot;
            var price = spot ? SpotPrice(order.Symbol) : Mark(order.Symbol);
            if (order.Side is OrderSide.Buy ? price <= order.Price : price >= order.Price)
            {
                var instrument = spot ? SpotInstruments[order.Symbol] : Instruments[order.Symbol];
                Fill(account, instrument, order, order.Quantity - order.ExecutedQuantity, order.Price, Terms.Fees(order.Product).Maker);
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

    private static Rejection Validate(
        SimAccount account, Product product, Instrument instrument, OrderType type, decimal quantity, decimal? price, string? clientOrderId)
    {
        if (quantity <= 0 || quantity % instrument.QuantityStep != 0)
        {
            return Rejection.InvalidQuantity;
        }

        if (type is OrderType.Limit && (price is not { } p || p <= 0 || p % instrument.PriceTick != 0))
        {
            return Rejection.InvalidPrice;
        }

        // Client order ids are unique per account within a product (Binance's spot and futures are separate systems).
        return clientOrderId is not null && account.Orders.Any(o => o.Product == product && o.ClientOrderId == clientOrderId)
            ? Rejection.DuplicateClientOrderId
            : Rejection.None;
    }

    private static bool Crosses(OrderSide side, OrderType type, decimal? price, decimal reference) =>
        type is OrderType.Market || (side is OrderSide.Buy ? price >= reference : price <= reference);

    // Market orders fill at the reference ± slippage; a crossing limit at that or better, on the tick.
    private decimal TakerPrice(Instrument instrument, OrderSide side, OrderType type, decimal? price, decimal reference)
    {
        var slipped = side is OrderSide.Buy ? reference * (1 + Terms.SlippageFraction) : reference * (1 - Terms.SlippageFraction);
        var fillPrice = type is OrderType.Market ? slipped : side is OrderSide.Buy ? Math.Min(price!.Value, slipped) : Math.Max(price!.Value, slipped);
        return Math.Round(fillPrice / instrument.PriceTick, MidpointRounding.AwayFromZero) * instrument.PriceTick;
    }

    private SimOrder AddOrder(
        SimAccount account, Product product, string symbol, OrderSide side, OrderType type, decimal quantity, decimal? price,
        string? clientOrderId, bool reduceOnly, string timeInForce)
    {
        var orderId = _nextOrderId++;
        var order = new SimOrder
        {
            OrderId = orderId,
            ClientOrderId = clientOrderId ?? $"sim-{orderId}",
            Product = product,
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
        return order;
    }

    // A taker fill on placement: all of it, or the fault's fraction of a market order.
    private void Take(SimAccount account, Instrument instrument, SimOrder order, decimal fillPrice, decimal fillFraction)
    {
        var quantity = order.Type is OrderType.Market && fillFraction < 1m
            ? Math.Floor(order.Quantity * fillFraction / instrument.QuantityStep) * instrument.QuantityStep
            : order.Quantity;
        Fill(account, instrument, order, quantity, fillPrice, Terms.Fees(order.Product).Taker);
    }

    private void Fill(SimAccount account, Instrument instrument, SimOrder order, decimal quantity, decimal price, decimal feeRate)
    {
        if (quantity <= 0)
        {
            return;
        }

        if (order.Product is Product.Spot)
        {
            SettleSpot(account, instrument, order, quantity, price, feeRate);
        }
        else
        {
            var realised = account.Position(order.Symbol).Apply(order.SignedQuantity(quantity), price, NowMs);
            var fee = quantity * price * feeRate;
            account.Wallet[instrument.QuoteAsset] = account.WalletOf(instrument.QuoteAsset) + realised - fee;
            order.Fee += fee;
            order.FeeAsset = instrument.QuoteAsset;
        }

        order.ExecutedQuantity += quantity;
        order.CumulativeQuote += quantity * price;
        order.Status = order.ExecutedQuantity == order.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        order.UpdateTimeMs = NowMs;
        account.UpdateTimeMs = NowMs;
    }

    // All three venues charge a spot fee in the asset the fill brings in: the base asset on a buy, the quote on a sell
    // (Binance's commissionAsset, Bybit's "fee unit ... based on the purchased cryptocurrency", OKX's feeCcy).
    private void SettleSpot(SimAccount account, Instrument instrument, SimOrder order, decimal quantity, decimal price, decimal feeRate)
    {
        var balances = SpotBalances(account);
        var (paid, paidAmount, received, receivedAmount) = order.Side is OrderSide.Buy
            ? (instrument.QuoteAsset, quantity * price, instrument.BaseAsset, quantity)
            : (instrument.BaseAsset, quantity, instrument.QuoteAsset, quantity * price);
        var fee = receivedAmount * feeRate;
        balances[paid] = balances.GetValueOrDefault(paid) - paidAmount;
        balances[received] = balances.GetValueOrDefault(received) + receivedAmount - fee;
        order.Fee += fee;
        order.FeeAsset = received;
    }
}
