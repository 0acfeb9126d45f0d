// Sends four fixed requests with bybit-api (set leverage, market order with an orderLinkId, query it by that id, a
// 100 USDT transfer from the unified account to the funding wallet) so that the simulator's request journal can be
// compared with what our client sends for the same.
// Usage: node bybit-api-requests.mjs <node_modules dir> <base url> <key> <secret> <client order id>
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

const [toolsDir, baseUrl, key, secret, orderLinkId] = process.argv.slice(2);
const require = createRequire(path.join(toolsDir, 'noop.js'));
const { RestClientV5 } = require('bybit-api');

const client = new RestClientV5({ key, secret, baseUrl, recv_window: 5000 });
const category = 'linear';
const symbol = 'BTCUSDT';
const check = (r) => { if (r.retCode !== 0) throw new Error(JSON.stringify(r)); return r; };
check(await client.setLeverage({ category, symbol, buyLeverage: '5', sellLeverage: '5' }));
check(await client.submitOrder({ category, symbol, side: 'Buy', orderType: 'Market', qty: '0.01', orderLinkId }));
check(await client.getActiveOrders({ category, symbol, orderLinkId }));
check(await client.createInternalTransfer(randomUUID(), 'USDT', '100', 'UNIFIED', 'FUND'));
console.log(JSON.stringify({ done: true }));
