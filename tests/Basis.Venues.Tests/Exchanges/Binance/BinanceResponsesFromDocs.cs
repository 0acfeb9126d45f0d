namespace Basis.Venues.Tests.Exchanges.Binance;

/// <summary>Response bodies in the shapes of Binance's documentation, values adapted to the tests.</summary>
internal static class BinanceResponsesFromDocs
{
    // https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/New-Order (and Query-Order):
    // numbers as strings, ids as numbers, fields we do not read (reduceOnly, positionSide, ...) left in.
    public static string FuturesOrder(string clientOrderId, string status = "NEW", string executedQty = "0", string avgPrice = "0.00000") => $$"""
        {
          "clientOrderId": "{{clientOrderId}}",
          "cumQty": "{{executedQty}}",
          "cumQuote": "0",
          "executedQty": "{{executedQty}}",
          "orderId": 22542179,
          "avgPrice": "{{avgPrice}}",
          "origQty": "1",
          "price": "9000",
          "reduceOnly": false,
          "side": "BUY",
          "positionSide": "BOTH",
          "status": "{{status}}",
          "stopPrice": "0",
          "closePosition": false,
          "symbol": "BTCUSDT",
          "timeInForce": "GTC",
          "type": "LIMIT",
          "origType": "LIMIT",
          "updateTime": 1566818724722,
          "workingType": "CONTRACT_PRICE",
          "priceProtect": false,
          "priceMatch": "NONE",
          "selfTradePreventionMode": "NONE",
          "goodTillDate": 0
        }
        """;

    // https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Position-Information-V2 (hedge-mode example).
    public const string PositionRisk = """
        [
          {
            "symbol": "BTCUSDT", "positionAmt": "0.001", "entryPrice": "22185.2", "breakEvenPrice": "0.0",
            "markPrice": "21123.05052574", "unRealizedProfit": "-1.06214947", "liquidationPrice": "19731.45529116",
            "leverage": "4", "maxNotionalValue": "100000000", "marginType": "cross", "isolatedMargin": "0.00000000",
            "isAutoAddMargin": "false", "positionSide": "LONG", "notional": "21.12305052", "isolatedWallet": "0",
            "updateTime": 1655217461579
          },
          {
            "symbol": "BTCUSDT", "positionAmt": "0.000", "entryPrice": "0.0", "breakEvenPrice": "0.0",
            "markPrice": "21123.05052574", "unRealizedProfit": "0.00000000", "liquidationPrice": "0",
            "leverage": "4", "maxNotionalValue": "100000000", "marginType": "cross", "isolatedMargin": "0.00000000",
            "isAutoAddMargin": "false", "positionSide": "SHORT", "notional": "0", "isolatedWallet": "0", "updateTime": 0
          },
          {
            "symbol": "ETHUSDT", "positionAmt": "-2.500", "entryPrice": "3012.5", "breakEvenPrice": "0.0",
            "markPrice": "3000.00000000", "unRealizedProfit": "31.25000000", "liquidationPrice": "0",
            "leverage": "3", "maxNotionalValue": "100000000", "marginType": "isolated", "isolatedMargin": "2510.00000000",
            "isAutoAddMargin": "false", "positionSide": "BOTH", "notional": "-7500", "isolatedWallet": "2500", "updateTime": 1655217461579
          }
        ]
        """;

    // https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Mark-Price
    public const string PremiumIndex = """
        {
          "symbol": "BTCUSDT",
          "markPrice": "11793.63104562",
          "indexPrice": "11781.80495970",
          "estimatedSettlePrice": "11781.16138815",
          "lastFundingRate": "0.00038246",
          "interestRate": "0.00010000",
          "nextFundingTime": 1597392000000,
          "time": 1597370495002
        }
        """;

    // https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Futures-Account-Balance-V2
    public const string FuturesBalances = """
        [
          {
            "accountAlias": "SgsR", "asset": "USDT", "balance": "122607.35137903", "crossWalletBalance": "23.72469206",
            "crossUnPnl": "0.00000000", "availableBalance": "23.72469206", "maxWithdrawAmount": "23.72469206",
            "marginAvailable": true, "updateTime": 1617939110373
          },
          {
            "accountAlias": "SgsR", "asset": "BNB", "balance": "0.00000000", "crossWalletBalance": "0.00000000",
            "crossUnPnl": "0.00000000", "availableBalance": "0.00000000", "maxWithdrawAmount": "0.00000000",
            "marginAvailable": true, "updateTime": 0
          }
        ]
        """;

    // https://developers.binance.com/docs/binance-spot-api-docs/rest-api/account-endpoints (Account information)
    public const string SpotAccount = """
        {
          "makerCommission": 15, "takerCommission": 15, "canTrade": true, "canWithdraw": true, "canDeposit": true,
          "accountType": "SPOT",
          "balances": [
            { "asset": "BTC", "free": "4723846.89208129", "locked": "0.00000000" },
            { "asset": "LTC", "free": "4763368.68006011", "locked": "1.50000000" }
          ],
          "permissions": [ "SPOT" ]
        }
        """;

    public static string Error(int code, string message) => $$"""{"code":{{code}},"msg":"{{message}}"}""";
}
