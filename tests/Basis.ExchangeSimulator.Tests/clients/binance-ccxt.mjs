// Drives the simulator with ccxt's binanceusdm, an independent implementation of Binance's protocol, and prints
// one JSON document of what ccxt parsed. Usage: node binance-ccxt.mjs <node_modules dir> <base url> <key> <secret>
import { createRequire } from 'node:module';
import path from 'node:path';

const [toolsDir, base, apiKey, secret] = process.argv.slice(2);
const require = createRequire(path.join(toolsDir, 'noop.js'));
const ccxt = require('ccxt');

const exchange = new ccxt.binanceusdm({
  apiKey,
  secret,
  urls: {
    api: {
      fapiPublic: `${base}/fapi/v1`, fapiPublicV2: `${base}/fapi/v2`, fapiPublicV3: `${base}/fapi/v3`,
      fapiPrivate: `${base}/fapi/v1`, fapiPrivateV2: `${base}/fapi/v2`, fapiPrivateV3: `${base}/fapi/v3`,
    },
  },
  // fetchCurrencies would call the spot wallet's /sapi (not part of the USDⓈ-M subset).
  options: { adjustForTimeDifference: false, fetchCurrencies: false },
});
// ccxt picks the USDⓈ-M error table by host name (https://fapi.binance.com); the simulator's loopback URL gets it too.
exchange.getExceptionsByUrl = (url, exactOrBroad) => exchange.exceptions.linear[exactOrBroad] ?? {};

const symbol = 'BTC/USDT:USDT';
const errorName = async (action) => {
  try {
    await action();
    return null;
  } catch (e) {
    return e.constructor.name;
  }
};

const out = {};
const markets = await exchange.loadMarkets();
out.markets = Object.keys(markets).sort();
out.btc = { amountStep: markets[symbol].precision.amount, priceTick: markets[symbol].precision.price, minCost: markets[symbol].limits.cost.min };
const before = await exchange.fetchBalance();
out.before = before.USDT;
out.leverage = await exchange.setLeverage(5, symbol);
out.marginMode = (await exchange.setMarginMode('isolated', 'ETH/USDT:USDT')).info;
const market = await exchange.createOrder(symbol, 'market', 'buy', 0.01);
out.market = { id: market.id, clientOrderId: market.clientOrderId, status: market.status, filled: market.filled, average: market.average };
const limit = await exchange.createOrder(symbol, 'limit', 'buy', 0.01, 80000, { clientOrderId: 'basis-limit-1' });
out.limit = { id: limit.id, clientOrderId: limit.clientOrderId, status: limit.status, price: limit.price };
const fetched = await exchange.fetchOrder(limit.id, symbol);
out.fetched = { id: fetched.id, clientOrderId: fetched.clientOrderId, status: fetched.status, amount: fetched.amount };
const canceled = await exchange.cancelOrder(limit.id, symbol);
out.canceled = { id: canceled.id, status: canceled.status };
const positions = await exchange.fetchPositions([symbol]);
out.positions = positions.map((p) => ({ symbol: p.symbol, contracts: p.contracts, side: p.side, entryPrice: p.entryPrice, markPrice: p.markPrice, unrealizedPnl: p.unrealizedPnl, leverage: p.leverage, marginMode: p.marginMode }));
const funding = await exchange.fetchFundingRate(symbol);
out.funding = { markPrice: funding.markPrice, fundingRate: funding.fundingRate, fundingTimestamp: funding.fundingTimestamp };
const history = await exchange.fetchFundingRateHistory(symbol, Date.UTC(2025, 0, 1), 10);
out.fundingHistory = history.map((h) => ({ timestamp: h.timestamp, fundingRate: h.fundingRate }));
const after = await exchange.fetchBalance();
out.after = after.USDT;

out.errors = {
  insufficientMargin: await errorName(() => exchange.createOrder(symbol, 'market', 'buy', 100)),
  duplicateClientOrderId: await errorName(() => exchange.createOrder(symbol, 'market', 'buy', 0.001, undefined, { clientOrderId: 'basis-limit-1' })),
  unknownOrder: await errorName(() => exchange.fetchOrder('123', symbol)),
};
// A clock 60 s slow: every signed request is outside the 5 s recvWindow.
exchange.nonce = () => Date.now() - 60_000;
out.errors.staleTimestamp = await errorName(() => exchange.fetchBalance());

console.log(JSON.stringify(out));
