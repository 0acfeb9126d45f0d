// Sends three fixed requests with ccxt's binanceusdm (set leverage, market order with a client order id, query it by
// that id) so that the simulator's request journal can be compared with what our client sends for the same.
// Usage: node binance-ccxt-requests.mjs <node_modules dir> <base url> <key> <secret> <client order id>
import { createRequire } from 'node:module';
import path from 'node:path';

const [toolsDir, base, apiKey, secret, clientOrderId] = process.argv.slice(2);
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
  options: { adjustForTimeDifference: false, fetchCurrencies: false },
});
const symbol = 'BTC/USDT:USDT';
await exchange.loadMarkets();
await exchange.setLeverage(5, symbol);
await exchange.createOrder(symbol, 'market', 'buy', 0.01, undefined, { clientOrderId });
await exchange.fetchOrder(undefined, symbol, { origClientOrderId: clientOrderId });
console.log(JSON.stringify({ done: true }));
