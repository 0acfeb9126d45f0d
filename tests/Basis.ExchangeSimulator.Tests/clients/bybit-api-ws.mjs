// Drives the simulator's Bybit private stream with the bybit-api package's WebsocketClient (an independent client):
// it authenticates, subscribes to order.linear and receives the push for an order placed with RestClientV5; a second
// client with a wrong secret is refused. Prints one JSON document.
// Usage: node bybit-api-ws.mjs <node_modules dir> <base url> <key> <secret>
import { createRequire } from 'node:module';
import path from 'node:path';

const [toolsDir, baseUrl, key, secret] = process.argv.slice(2);
const require = createRequire(path.join(toolsDir, 'noop.js'));
const { RestClientV5, WebsocketClient } = require('bybit-api');

const wsUrl = baseUrl.replace(/^http/, 'ws') + '/v5/private';
const quiet = { trace() {}, info() {}, error() {} };
const within = (promise, what) => Promise.race([
  promise,
  new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 20_000)),
]);
const orderLinkId = 'nodeWs1';

const out = {};
const ws = new WebsocketClient({ key, secret, market: 'v5', wsUrl }, quiet);
const authenticated = new Promise((resolve) => ws.on('authenticated', (e) => resolve({ op: e.op, success: e.success })));
const filled = new Promise((resolve) => ws.on('update', (e) => {
  const order = e.data?.find((o) => o.orderLinkId === orderLinkId && o.orderStatus === 'Filled');
  if (order) resolve({ topic: e.topic, order });
}));
// subscribeV5()'s promises may settle on sending; the order waits for Bybit's acknowledgement.
const subscribed = new Promise((resolve) => ws.on('response', (e) => {
  if (e.op === 'subscribe' && e.success) resolve({ op: e.op, success: e.success });
}));
Promise.all(ws.subscribeV5('order.linear', 'linear', true)).catch(() => {});
out.subscribed = await within(subscribed, 'the subscription');
out.authenticated = await within(authenticated, 'the auth');
out.placed = await new RestClientV5({ key, secret, baseUrl }).submitOrder({
  category: 'linear', symbol: 'BTCUSDT', side: 'Buy', orderType: 'Market', qty: '0.01', orderLinkId,
});
out.push = await within(filled, 'the order push');
ws.closeAll(true);

const wrong = new WebsocketClient({ key, secret: 'not-the-secret', market: 'v5', wsUrl }, quiet);
const refused = new Promise((resolve) => wrong.on('exception', (e) => {
  if (e?.op === 'auth') resolve({ op: e.op, success: e.success, ret_msg: e.ret_msg });
}));
Promise.all(wrong.subscribeV5('order.linear', 'linear', true)).catch(() => {});
out.refused = await within(refused, 'the refusal');
wrong.closeAll(true);

console.log(JSON.stringify(out));
process.exit(0);
