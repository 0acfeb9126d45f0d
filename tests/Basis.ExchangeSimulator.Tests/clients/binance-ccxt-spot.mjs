// Drives the simulator's Binance spot API with ccxt's binance (spot), an independent implementation of the protocol,
// and prints one JSON document of what ccxt parsed. Usage: node binance-ccxt-spot.mjs <node_modules dir> <base url> <key> <secret>
import { createRequire } from 'node:module';
import path from 'node:path';

const [toolsDir, base, apiKey, secret] = process.argv.slice(2);
const require = createRequire(path.join(toolsDir, 'noop.js'));
const ccxt = require('ccxt');

const exchange = new ccxt.binance({
  apiKey,
  secret,
  urls: { api: { public: `${base}/api/v3`, private: `${base}/api/v3` } },
  // Spot markets only (the USDⓈ-M and COIN-M lists live elsewhere); fetchCurrencies and the margin pairs fetchMarkets
  // adds for a keyed client would call the wallet's and margin's /sapi, which the simulator does not have.
  options: { adjustForTimeDifference: false, fetchCurrencies: false, fetchMargins: false, fetchMarkets: { types: ['spot'] } },
});
// ccxt picks the spot error table by host name (https://api.binance.com); the simulator's loopback URL gets it too.
exchange.getExceptionsByUrl = (url, exactOrBroad) => exchange.exceptions.spot?.[exactOrBroad] ?? {};

const symbol = 'ETH/USDT';
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
out.eth = { amountStep: markets[symbol].precision.amount, priceTick: markets[symbol].precision.price, minCost: markets[symbol].limits.cost.min };
out.before = (await exchange.fetchBalance()).USDT;
const market = await exchange.createOrder(symbol, 'market', 'buy', 0.5, undefined, { clientOrderId: 'ccxtSpotBuy1' });
out.market = {
  id: market.id, clientOrderId: market.clientOrderId, status: market.status, filled: market.filled, average: market.average,
  cost: market.cost, fee: market.fees?.[0] ?? market.fee,
};
const limit = await exchange.createOrder(symbol, 'limit', 'buy', 0.1, 3000, { clientOrderId: 'ccxtSpotLimit1' });
out.fetched = (({ id, clientOrderId, status, price, amount }) => ({ id, clientOrderId, status, price, amount }))(await exchange.fetchOrder(limit.id, symbol));
const locked = await exchange.fetchBalance();
out.locked = { USDT: locked.USDT, ETH: locked.ETH };
out.canceled = (({ id, status }) => ({ id, status }))(await exchange.cancelOrder(limit.id, symbol));
const after = await exchange.fetchBalance();
out.after = { USDT: after.USDT, ETH: after.ETH };
out.errors = {
  insufficientBalance: await errorName(() => exchange.createOrder(symbol, 'market', 'buy', 100)),
  unknownOrder: await errorName(() => exchange.fetchOrder('123', symbol)),
};

console.log(JSON.stringify(out));
