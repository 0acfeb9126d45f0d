// Drives the simulator's Bybit v5 linear subset with the bybit-api package (an independent client) and prints one
// JSON document of the answers. Usage: node bybit-api.mjs <node_modules dir> <base url> <key> <secret>
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

const [toolsDir, baseUrl, key, secret] = process.argv.slice(2);
const require = createRequire(path.join(toolsDir, 'noop.js'));
const { RestClientV5 } = require('bybit-api');

const client = new RestClientV5({ key, secret, baseUrl, recv_window: 5000 });
const category = 'linear';
const symbol = 'BTCUSDT';

const out = {};
out.time = await client.getServerTime();
out.instruments = await client.getInstrumentsInfo({ category });
out.before = await client.getWalletBalance({ accountType: 'UNIFIED' });
out.leverage = await client.setLeverage({ category, symbol, buyLeverage: '5', sellLeverage: '5' });
out.market = await client.submitOrder({ category, symbol, side: 'Buy', orderType: 'Market', qty: '0.01' });
out.limit = await client.submitOrder({ category, symbol, side: 'Buy', orderType: 'Limit', qty: '0.01', price: '80000', timeInForce: 'GTC', orderLinkId: 'basis-limit-1' });
out.open = await client.getActiveOrders({ category, symbol, orderLinkId: 'basis-limit-1' });
out.cancel = await client.cancelOrder({ category, symbol, orderLinkId: 'basis-limit-1' });
out.positions = await client.getPositionInfo({ category, symbol });
out.ticker = await client.getTickers({ category, symbol });
out.fundingHistory = await client.getFundingRateHistory({ category, symbol, limit: 10 });
out.after = await client.getWalletBalance({ accountType: 'UNIFIED' });
// 100 USDT to the funding wallet and back (the book ends as it was), then a transfer the funding wallet cannot cover.
out.transferOutId = randomUUID();
out.transferOut = await client.createInternalTransfer(out.transferOutId, 'USDT', '100', 'UNIFIED', 'FUND');
out.midway = await client.getWalletBalance({ accountType: 'UNIFIED' });
out.transferIn = await client.createInternalTransfer(randomUUID(), 'USDT', '100', 'FUND', 'UNIFIED');
out.transferShort = await client.createInternalTransfer(randomUUID(), 'USDT', '1000000', 'FUND', 'UNIFIED');
out.depositAddress = await client.getMasterDepositAddress('USDT', 'ETH');
out.insufficient = await client.submitOrder({ category, symbol, side: 'Buy', orderType: 'Market', qty: '100' });
out.duplicate = await client.submitOrder({ category, symbol, side: 'Buy', orderType: 'Market', qty: '0.001', orderLinkId: 'basis-limit-1' });
out.unknownCancel = await client.cancelOrder({ category, symbol, orderLinkId: 'nothing-here' });
// A clock 60 s slow: outside the 5 s recv_window.
client.timeOffset = -60_000;
out.stale = await client.getWalletBalance({ accountType: 'UNIFIED' });

console.log(JSON.stringify(out));
