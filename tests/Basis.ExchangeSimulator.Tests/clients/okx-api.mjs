// Drives the simulator's OKX v5 SWAP subset with the okx-api package (an independent client) and prints one JSON
// document of the answers (okx-api resolves `data`, and rejects with the whole body when code is not "0").
// Usage: node okx-api.mjs <node_modules dir> <base url> <key> <secret> <passphrase>
import { createRequire } from 'node:module';
import path from 'node:path';

const [toolsDir, baseUrl, apiKey, apiSecret, apiPass] = process.argv.slice(2);
const require = createRequire(path.join(toolsDir, 'noop.js'));
const { RestClient } = require('okx-api');

const client = new RestClient({ apiKey, apiSecret, apiPass, baseUrl });
const instId = 'BTC-USDT-SWAP';
const failure = async (action) => {
  try {
    await action();
    return null;
  } catch (e) {
    return e?.response?.data ?? e;
  }
};

const out = {};
out.time = await client.getSystemTime();
out.instruments = await client.getInstruments({ instType: 'SWAP' });
out.before = await client.getBalance();
out.leverage = await client.setLeverage({ instId, lever: '5', mgnMode: 'cross' });
out.market = await client.submitOrder({ instId, tdMode: 'cross', side: 'buy', ordType: 'market', sz: '1' });
out.limit = await client.submitOrder({ instId, tdMode: 'cross', side: 'buy', ordType: 'limit', sz: '1', px: '80000', clOrdId: 'basisLimit1' });
out.order = await client.getOrderDetails({ instId, clOrdId: 'basisLimit1' });
out.cancel = await client.cancelOrder({ instId, clOrdId: 'basisLimit1' });
out.positions = await client.getPositions({ instType: 'SWAP', instId });
out.mark = await client.getMarkPrice({ instType: 'SWAP', instId });
out.funding = await client.getFundingRate({ instId });
out.fundingHistory = await client.getFundingRateHistory({ instId, limit: '10' });
out.after = await client.getBalance();
// 100 USDT to the funding account and back (the book ends as it was), then a transfer the funding account cannot cover.
out.transferOut = await client.fundsTransfer({ ccy: 'USDT', amt: '100', from: '18', to: '6' });
out.midway = await client.getBalance();
out.transferIn = await client.fundsTransfer({ ccy: 'USDT', amt: '100', from: '6', to: '18' });
out.transferShort = await failure(() => client.fundsTransfer({ ccy: 'USDT', amt: '1000000', from: '6', to: '18' }));
out.depositAddress = await client.getDepositAddress({ ccy: 'USDT' });
out.insufficient = await failure(() => client.submitOrder({ instId, tdMode: 'cross', side: 'buy', ordType: 'market', sz: '10000' }));
out.duplicate = await failure(() => client.submitOrder({ instId, tdMode: 'cross', side: 'buy', ordType: 'market', sz: '1', clOrdId: 'basisLimit1' }));
out.unknownOrder = await failure(() => client.getOrderDetails({ instId, clOrdId: 'nothingHere' }));
// okx-api stamps requests with new Date().toISOString(); a clock 60 s slow makes the request expired (30 s).
const realIso = Date.prototype.toISOString;
Date.prototype.toISOString = function () { return realIso.call(new Date(this.getTime() - 60_000)); };
out.stale = await failure(() => client.getBalance());
Date.prototype.toISOString = realIso;

console.log(JSON.stringify(out));
