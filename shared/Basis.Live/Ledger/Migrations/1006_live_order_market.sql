-- Which market an order is for: a venue may spell its spot pair and its perpetual alike (Binance's and Bybit's ETHUSDT),
-- so the symbol alone does not say which account the desk sends it to. Orders written before spot orders existed were
-- perpetual ones.
ALTER TABLE live_orders ADD COLUMN market text NOT NULL DEFAULT 'Perp' CHECK (market IN ('Perp', 'Spot'));
