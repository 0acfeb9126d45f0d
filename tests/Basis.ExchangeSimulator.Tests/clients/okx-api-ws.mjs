// Drives the simulator's OKX private stream with the okx-api package's WebsocketClient (an independent client): it
// logs in, subscribes to the orders channel and receives the push for an order placed with RestClient; a second
// client with a wrong passphrase is refused. Prints one JSON document.
// Usage: node okx-api-ws.mjs <node_modules dir> <base url> <key> <secret> <passphrase>
import { createRequire } from 'node:module';
import path from 'node:path';

const [toolsDir, baseUrl, apiKey, apiSecret, apiPass] = process.argv.slice(2);
const require = createRequire(path.join(toolsDir, 'noop.js'));
const { RestClient, WebsocketClient } = require('okx-api');

const wsUrl = baseUrl.replace(/^http/, 'ws') + '/ws/v5/private';
const quiet = { trace() {}, info() {}, error() {} };
const within = (promise, what) => Promise.race([
  promise,
  new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 20_000)),
]);
const clOrdId = 'nodeWs1';

const out = {};
const ws = new WebsocketClient({ accounts: [{ apiKey, apiSecret, apiPass }], wsUrl }, quiet);
const authenticated = new Promise((resolve) => ws.on('authenticated', (e) => resolve({ event: e.event, code: e.code })));
const filled = new Promise((resolve) => ws.on('update', (e) => {
  const order = e.data?.find((o) => o.clOrdId === clOrdId && o.state === 'filled');
  if (order) resolve({ arg: e.arg, order });
}));
// subscribe()'s promises settle on sending; the order waits for OKX's acknowledgement.
const subscribed = new Promise((resolve) => ws.on('response', (e) => {
  if (e.event === 'subscribe') resolve(e.arg);
}));
ws.subscribe({ channel: 'orders', instType: 'SWAP' }, true);
out.subscribed = await within(subscribed, 'the subscription');
out.authenticated = await within(authenticated, 'the login');
out.placed = await new RestClient({ apiKey, apiSecret, apiPass, baseUrl }).submitOrder({
  instId: 'BTC-USDT-SWAP', tdMode: 'cross', side: 'buy', ordType: 'market', sz: '2', clOrdId,
});
out.push = await within(filled, 'the order push');
ws.closeAll(true);

const wrong = new WebsocketClient({ accounts: [{ apiKey, apiSecret, apiPass: 'not-the-passphrase' }], wsUrl }, quiet);
const refused = new Promise((resolve) => wrong.on('exception', (e) => {
  if (e?.event === 'error') resolve({ event: e.event, code: e.code, msg: e.msg });
}));
Promise.all(wrong.subscribe({ channel: 'orders', instType: 'SWAP' }, true)).catch(() => {});
out.refused = await within(refused, 'the refusal');
wrong.closeAll(true);

console.log(JSON.stringify(out));
process.exit(0);
