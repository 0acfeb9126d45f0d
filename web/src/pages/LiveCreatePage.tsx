import { useMemo, useState } from "react";
import { ApiError, type ApiClient, type LiveCreate } from "../api/client";
import { Field, FieldErrors } from "../components/Field";
import { ErrorMessage, Loading } from "../components/Status";
import { navigate } from "../router";
import { useApi } from "../useApi";

/** The venues a live instance can trade on (docs/http-api.md, Live). */
const liveVenues = ["binance", "bybit", "okx", "ethereum"];
const limitFields = [
  ["max_trade_size_usd", "Largest trade (USD)"],
  ["emergency_stop_loss_pct", "Emergency stop at a loss of (fraction)"],
  ["health_factor_floor", "AAVE health factor floor"],
  ["margin_ratio_floor", "Perp margin ratio floor"],
] as const;

/**
 * Creates a live instance, paused. Paper (live data, simulated fills) is the default and says so plainly; real
 * execution must be chosen and confirmed, and the server grants it only when the host allows it.
 */
export default function LiveCreatePage({ client }: { client: ApiClient }) {
  const strategies = useApi(() => client.strategies(), [client]);
  const [name, setName] = useState("");
  const [mode, setMode] = useState("");
  const [venues, setVenues] = useState<string[]>([]);
  const [capital, setCapital] = useState("");
  const [real, setReal] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [limits, setLimits] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [creating, setCreating] = useState(false);
  const coverage = useApi(() => (mode ? client.strategyCoverage(mode) : Promise.resolve(null)), [client, mode]);
  const modes = strategies.state === "ready" ? strategies.data.strategies.filter((s) => s.implemented) : [];
  const shareClass = modes.find((s) => s.name === mode)?.share_class;
  // The venues the mode's data comes from, as the ones to tick first.
  const suggested = useMemo(() => (coverage.state === "ready" && coverage.data ? coverage.data.venues.filter((v) => liveVenues.includes(v)) : []), [coverage]);

  const chooseMode = (next: string) => {
    setMode(next);
    setVenues([]);
  };
  const shownVenues = venues.length > 0 || !mode ? venues : suggested;

  const create = async () => {
    setCreating(true);
    setFailure(null);
    setErrors({});
    const chosenLimits = Object.fromEntries(Object.entries(limits).filter(([, value]) => value.trim() !== "").map(([key, value]) => [key, Number(value)]));
    const request: LiveCreate = {
      name,
      mode,
      venues: shownVenues,
      execution: real ? "real" : "paper",
      ...(capital.trim() !== "" && { capital: Number(capital) }),
      ...(Object.keys(chosenLimits).length > 0 && { limits: chosenLimits }),
    };
    try {
      const instance = await client.createLive(request);
      navigate(`/live/${encodeURIComponent(instance.id)}`);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError("failed", String(e));
      setErrors(error.fields);
      setFailure(error);
      setCreating(false);
    }
  };

  if (strategies.state === "loading") return <Loading what="the modes" />;
  if (strategies.state === "error") return <ErrorMessage error={strategies.error} />;
  const limitErrors = (key: string) => errors[`limits.${key}`] ?? errors[key];
  return (
    <>
      <h1>New live instance</h1>
      <p className={real ? "real-banner" : "paper-banner"} role="note" aria-label="Execution">
        {real
          ? "REAL execution: real orders with real funds on the venues, if the server grants it."
          : "PAPER execution: live market data, simulated fills. No order reaches a venue."}
      </p>
      <form
        className="wizard"
        aria-label="New live instance"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <fieldset>
          <legend>Instance</legend>
          <Field label="Name" errors={errors.name} hint="1 to 100 characters">
            {(props) => <input {...props} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label="Mode" errors={errors.mode}>
            {(props) => (
              <select {...props} required value={mode} onChange={(e) => chooseMode(e.target.value)}>
                <option value="">Choose a mode</option>
                {modes.map((strategy) => (
                  <option key={strategy.name} value={strategy.name}>
                    {strategy.name} ({strategy.share_class})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <fieldset aria-describedby={errors.venues ? "venues-errors" : undefined}>
            <legend>Venues</legend>
            {liveVenues.map((venue) => (
              <label key={venue} className="choice">
                <input
                  type="checkbox"
                  checked={shownVenues.includes(venue)}
                  onChange={(e) => setVenues(e.target.checked ? [...shownVenues, venue] : shownVenues.filter((v) => v !== venue))}
                />
                {venue}
              </label>
            ))}
            <FieldErrors id="venues-errors" errors={errors.venues} />
          </fieldset>
          <Field label={`Capital (${shareClass ?? "share-class units"})`} errors={errors.capital} hint={`Default ${shareClass === "ETH" ? "100 ETH" : "100,000 USDT"}`}>
            {(props) => <input {...props} type="number" step="any" value={capital} onChange={(e) => setCapital(e.target.value)} />}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Execution</legend>
          <label className="choice">
            <input type="radio" name="execution" checked={!real} onChange={() => setReal(false)} />
            <span>
              <span className="badge execution paper">PAPER</span> live data, simulated fills (default)
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="execution"
              checked={real}
              onChange={() => {
                setReal(true);
                setConfirmed(false);
              }}
            />
            <span>
              <span className="badge execution real">REAL</span> real orders with real funds
            </span>
          </label>
          {real && (
            <label className="choice">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />I understand this instance trades real funds once started
            </label>
          )}
          <FieldErrors id="execution-errors" errors={errors.execution} />
        </fieldset>
        <fieldset>
          <legend>Limits (optional, no looser than the server's)</legend>
          {limitFields.map(([key, label]) => (
            <Field key={key} label={label} errors={limitErrors(key)}>
              {(props) => <input {...props} type="number" step="any" value={limits[key] ?? ""} onChange={(e) => setLimits((before) => ({ ...before, [key]: e.target.value }))} />}
            </Field>
          ))}
        </fieldset>
        {failure && (
          <div className="status error" role="alert">
            <p>{failure.message}</p>
            {failure.reasons.length > 0 && (
              <ul>
                {failure.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="wizard-actions">
          <button type="submit" disabled={creating || (real && !confirmed)} className={real ? "danger" : undefined}>
            {creating ? "Creating…" : real ? "Create a REAL instance (paused)" : "Create a paper instance (paused)"}
          </button>
        </div>
      </form>
    </>
  );
}
