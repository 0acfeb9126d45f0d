import { useMemo, useState } from "react";
import { ApiError, type ApiClient, type Strategy, type StrategyConfig, type StrategyCoverage } from "../api/client";
import { checkPeriod, describeRange, keyNamed, outOfRange, overrides, parameters, parseFlows, utcMidnight, type Parameter } from "../api/wizard";
import { Field, FieldErrors } from "../components/Field";
import { ErrorMessage, Loading } from "../components/Status";
import { formatAmount, formatPercent, formatTime, toNumber } from "../format";
import { navigate } from "../router";
import { useApi, type Loaded } from "../useApi";

const steps = ["Share class", "Mode", "Capital and period", "Parameters", "Review"] as const;
const shareClasses = ["USDT", "ETH"] as const;

/** Which step holds each request field, so a problem the API names is shown on its field. */
function stepOf(field: string): number {
  if (field === "share_class") return 0;
  if (field === "strategy_name") return 1;
  if (["initial_capital", "start_date", "end_date"].includes(field)) return 2;
  if (field === "config_overrides" || field.startsWith("stress") || field.startsWith("capital_flows")) return 3;
  return 4;
}

type Errors = Record<string, string[]>;

/**
 * The backtest wizard: share class → mode → capital and period → parameters, stress and flows → review and submit;
 * then the run's page. The period is checked against the data's coverage before submitting, and every problem the API
 * names is shown on its field.
 */
export default function BacktestWizardPage({ client }: { client: ApiClient }) {
  const [step, setStep] = useState(0);
  const [shareClass, setShareClass] = useState<string>("USDT");
  const [mode, setMode] = useState<string | null>(null);
  const [capital, setCapital] = useState("");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const [stress, setStress] = useState("");
  const [flows, setFlows] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const strategies = useApi(() => client.strategies(), [client]);
  const config = useApi<StrategyConfig | null>(() => (mode ? client.strategyConfig(mode) : Promise.resolve(null)), [client, mode]);
  const coverage = useApi<StrategyCoverage | null>(() => (mode ? client.strategyCoverage(mode) : Promise.resolve(null)), [client, mode]);
  const defaults = useMemo(() => (config.state === "ready" && config.data ? parameters(config.data) : []), [config]);
  const covered = coverage.state === "ready" ? coverage.data : null;
  const defaultCapital = shareClass === "ETH" ? "100" : "100000";

  const chooseMode = (name: string) => {
    setMode(name);
    setValues({});
    setStart("");
    setEnd("");
  };
  const chooseShareClass = (name: string) => {
    setShareClass(name);
    setMode(null);
    setCapital("");
  };

  /** The problems found here for a step, before asking the API. */
  const check = (at: number): Errors => {
    if (at === 1 && !mode) return { strategy_name: ["choose a mode"] };
    if (at === 1 && covered && !covered.start) {
      const missing = covered.series.find((s) => s.start === null)?.id;
      return { strategy_name: [`${mode} reads ${missing}, and the data holds none of it`] };
    }

    if (at === 2) return checkPeriod(mode ?? "", shareClass, capital || defaultCapital, start, end, covered);
    if (at === 3) {
      const found: Errors = {};
      const ranges = defaults.map((p) => outOfRange(p, values[p.key] ?? p.value)).filter((e): e is string => e !== null);
      if (ranges.length > 0) found.config_overrides = ranges;
      const { errors: flowErrors } = parseFlows(flows);
      if (flowErrors.length > 0) found.capital_flows = flowErrors;
      return found;
    }

    return {};
  };

  const next = () => {
    const found = check(step);
    setErrors(found);
    if (Object.keys(found).length === 0) {
      setStep(step + 1);
    }
  };

  const submit = async () => {
    setSubmitting(true);
    setFailure(null);
    const changed = overrides(defaults, values);
    try {
      const links = await client.submitBacktest({
        strategy_name: mode!,
        share_class: shareClass,
        start_date: utcMidnight(start),
        end_date: utcMidnight(end),
        initial_capital: Number(capital || defaultCapital),
        ...(Object.keys(changed).length > 0 && { config_overrides: changed }),
        ...(stress.trim() !== "" && { stress: stress.split("\n").map((line) => line.trim()).filter(Boolean) }),
        ...(flows.trim() !== "" && { capital_flows: parseFlows(flows).flows }),
      });
      navigate(`/runs/${encodeURIComponent(links.id)}`);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError("failed", String(e));
      setSubmitting(false);
      if (Object.keys(error.fields).length > 0) {
        // Back to the first step with a field at fault, each problem beside its field.
        setErrors(error.fields);
        setStep(Math.min(...Object.keys(error.fields).map(stepOf)));
      }
      setFailure(error);
    }
  };

  const modes = strategies.state === "ready" ? strategies.data.strategies.filter((s) => s.share_class === shareClass) : [];
  const chosen = modes.find((s) => s.name === mode) ?? null;
  return (
    <>
      <h1>New backtest</h1>
      <ol className="steps" aria-label="Steps">
        {steps.map((name, i) => (
          <li key={name} aria-current={i === step ? "step" : undefined} className={i < step ? "done" : undefined}>
            {name}
          </li>
        ))}
      </ol>
      {failure && (
        <p className="status error" role="alert">
          {Object.keys(failure.fields).length > 0 ? `The API refused the request: ${failure.message}` : failure.message}
        </p>
      )}
      {/* noValidate: the wizard checks values itself, so every problem reads as the API would put it, beside its field. */}
      <form
        className="wizard"
        noValidate
        aria-label={steps[step]}
        onSubmit={(event) => {
          event.preventDefault();
          if (step < steps.length - 1) next();
          else void submit();
        }}
      >
        {step === 0 && (
          <fieldset>
            <legend>Share class: the unit the run reports in</legend>
            {shareClasses.map((name) => (
              <label key={name} className="choice">
                <input type="radio" name="share_class" value={name} checked={shareClass === name} onChange={() => chooseShareClass(name)} />
                {name}
              </label>
            ))}
            <FieldErrors id="share_class-errors" errors={errors.share_class} />
          </fieldset>
        )}
        {step === 1 && (
          <ModeStep
            strategies={strategies}
            modes={modes}
            mode={mode}
            onChoose={chooseMode}
            config={config}
            coverage={coverage}
            errors={errors.strategy_name}
          />
        )}
        {step === 2 && (
          <fieldset>
            <legend>Capital and period</legend>
            <Coverage coverage={coverage} />
            <Field label={`Initial capital (${shareClass})`} errors={errors.initial_capital} hint={`Default ${formatAmount(Number(defaultCapital), shareClass)}; from 1 to 1,000,000,000,000.`}>
              {(props) => <input {...props} type="number" min={1} step="any" inputMode="decimal" placeholder={defaultCapital} value={capital} onChange={(e) => setCapital(e.target.value)} />}
            </Field>
            <Field label="Start (UTC midnight)" errors={errors.start_date}>
              {(props) => <input {...props} type="date" required value={start} onChange={(e) => setStart(e.target.value)} />}
            </Field>
            <Field label="End (UTC midnight, exclusive)" errors={errors.end_date}>
              {(props) => <input {...props} type="date" required value={end} onChange={(e) => setEnd(e.target.value)} />}
            </Field>
          </fieldset>
        )}
        {step === 3 && (
          <ParametersStep
            defaults={defaults}
            config={config}
            values={values}
            onChange={(key, value) => setValues((before) => ({ ...before, [key]: value }))}
            stress={stress}
            onStress={setStress}
            flows={flows}
            onFlows={setFlows}
            errors={errors}
          />
        )}
        {step === 4 && (
          <Review
            shareClass={shareClass}
            strategy={chosen}
            capital={Number(capital || defaultCapital)}
            start={utcMidnight(start)}
            end={utcMidnight(end)}
            changed={Object.entries(values).filter(([key, value]) => defaults.find((p) => p.key === key)?.value !== value)}
            stress={stress.split("\n").filter((line) => line.trim())}
            flows={parseFlows(flows).flows}
            errors={errors}
          />
        )}
        <div className="wizard-actions">
          {step > 0 && (
            <button type="button" onClick={() => setStep(step - 1)} disabled={submitting}>
              Back
            </button>
          )}
          {step < steps.length - 1 ? (
            <button type="submit">Next</button>
          ) : (
            <button type="submit" disabled={submitting}>
              {submitting ? "Starting…" : "Start the backtest"}
            </button>
          )}
        </div>
      </form>
    </>
  );
}

function ModeStep(props: {
  strategies: Loaded<{ strategies: Strategy[] }>;
  modes: Strategy[];
  mode: string | null;
  onChoose: (name: string) => void;
  config: Loaded<StrategyConfig | null>;
  coverage: Loaded<StrategyCoverage | null>;
  errors?: string[];
}) {
  const { strategies, modes, mode, onChoose, config, coverage, errors } = props;
  if (strategies.state === "loading") return <Loading what="the modes" />;
  if (strategies.state === "error") return <ErrorMessage error={strategies.error} />;
  const settings = config.state === "ready" ? (config.data?.config as Record<string, unknown> | undefined) : undefined;
  const percent = (text: unknown) => (text === undefined || text === null ? "n/a" : formatPercent(toNumber(String(text))));
  return (
    <fieldset>
      <legend>Mode</legend>
      {modes.map((strategy) => (
        <label key={strategy.name} className="choice">
          <input type="radio" name="strategy_name" value={strategy.name} checked={mode === strategy.name} disabled={!strategy.implemented} onChange={() => onChoose(strategy.name)} />
          <span>
            <strong>{strategy.name}</strong>
            <span className="reason">{strategy.description}</span>
          </span>
        </label>
      ))}
      <FieldErrors id="strategy_name-errors" errors={errors} />
      {mode && (
        <section aria-label="About the mode" className="about">
          {config.state === "loading" && <Loading what="its configuration" />}
          {config.state === "error" && <ErrorMessage error={config.error} />}
          {settings && (
            <dl>
              <dt>Target APY</dt>
              <dd>{percent(settings.target_apy)}</dd>
              <dt>Drawdown budget</dt>
              <dd>{percent(settings.max_drawdown)}</dd>
              <dt>Venues</dt>
              <dd>{coverage.state === "ready" && coverage.data ? coverage.data.venues.join(", ") : "…"}</dd>
            </dl>
          )}
          <Coverage coverage={coverage} />
        </section>
      )}
    </fieldset>
  );
}

function Coverage({ coverage }: { coverage: Loaded<StrategyCoverage | null> }) {
  if (coverage.state === "loading") return <Loading what="the data's coverage" />;
  if (coverage.state === "error") return <ErrorMessage error={coverage.error} />;
  const data = coverage.data;
  if (!data) return null;
  return (
    <p className="coverage">
      {data.start && data.end
        ? `The data ${data.name} reads covers ${formatTime(data.start)} → ${formatTime(data.end)}.`
        : `The data holds none of ${data.series.filter((s) => s.start === null).map((s) => s.id).join(", ")}.`}
    </p>
  );
}

function ParametersStep(props: {
  defaults: Parameter[];
  config: Loaded<StrategyConfig | null>;
  values: Record<string, string>;
  onChange: (key: string, value: string) => void;
  stress: string;
  onStress: (value: string) => void;
  flows: string;
  onFlows: (value: string) => void;
  errors: Errors;
}) {
  const { defaults, config, values, onChange, stress, onStress, flows, onFlows, errors } = props;
  // A configuration problem names its setting: shown beside it, or above them all when it names none.
  const byKey = new Map<string, string[]>();
  const unplaced: string[] = [];
  // The API joins the problems of several settings into one message, a line each.
  for (const message of (errors.config_overrides ?? []).flatMap((m) => m.split("\n"))) {
    const key = keyNamed(message, defaults.map((p) => p.key));
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), message]);
    else unplaced.push(message);
  }

  const flowErrors = Object.entries(errors).filter(([field]) => field.startsWith("capital_flows")).flatMap(([field, messages]) => messages.map((m) => (m.startsWith(field) ? m : `${field}: ${m}`)));
  const stressErrors = Object.entries(errors).filter(([field]) => field.startsWith("stress")).flatMap(([, messages]) => messages);
  return (
    <>
      <fieldset>
        <legend>The mode's parameters</legend>
        <p className="hint">Its merged configuration, each setting with its type and the range the API holds it to; only what you change is sent, as overrides.</p>
        <FieldErrors id="config-errors" errors={unplaced} />
        {config.state === "loading" && <Loading what="the parameters" />}
        {config.state === "error" && <ErrorMessage error={config.error} />}
        <div className="parameters">
          {defaults.map((parameter) => {
            const value = values[parameter.key] ?? parameter.value;
            const hint = describeRange(parameter);
            const { choices } = parameter;
            return parameter.type === "boolean" ? (
              <Field key={parameter.key} label={parameter.key} hint={hint} errors={byKey.get(parameter.key)}>
                {(props) => <input {...props} type="checkbox" checked={value.toLowerCase() === "true"} onChange={(e) => onChange(parameter.key, String(e.target.checked))} />}
              </Field>
            ) : choices ? (
              <Field key={parameter.key} label={parameter.key} hint={hint} errors={byKey.get(parameter.key)}>
                {(props) => (
                  <select {...props} value={value} onChange={(e) => onChange(parameter.key, e.target.value)}>
                    {choices.map((choice) => (
                      <option key={choice} value={choice}>
                        {choice}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : (
              <Field key={parameter.key} label={parameter.key} hint={hint} errors={byKey.get(parameter.key)}>
                {(props) => (
                  <input
                    {...props}
                    type={parameter.type === "number" ? "number" : "text"}
                    step="any"
                    min={parameter.min ?? undefined}
                    max={parameter.max ?? undefined}
                    value={value}
                    onChange={(e) => onChange(parameter.key, e.target.value)}
                  />
                )}
              </Field>
            );
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend>Stress scenarios and capital flows</legend>
        <Field label="Stress scenarios, one a line" hint="e.g. lst_depeg=0.05,at=2025-02-01,hours=24 (docs/stress.md)" errors={stressErrors}>
          {(props) => <textarea {...props} rows={3} value={stress} onChange={(e) => onStress(e.target.value)} />}
        </Field>
        <Field label="Capital flows, one a line: time, amount" hint="e.g. 2025-02-01T00:00:00Z, 50000 (negative withdraws)" errors={flowErrors}>
          {(props) => <textarea {...props} rows={3} value={flows} onChange={(e) => onFlows(e.target.value)} />}
        </Field>
      </fieldset>
    </>
  );
}

function Review(props: {
  shareClass: string;
  strategy: Strategy | null;
  capital: number;
  start: string;
  end: string;
  changed: [string, string][];
  stress: string[];
  flows: { time: string; amount: number }[];
  errors: Errors;
}) {
  const { shareClass, strategy, capital, start, end, changed, stress, flows, errors } = props;
  const other = Object.entries(errors).filter(([field]) => stepOf(field) === 4);
  return (
    <section aria-label="Review">
      <dl className="review">
        <dt>Share class</dt>
        <dd>{shareClass}</dd>
        <dt>Mode</dt>
        <dd>{strategy ? `${strategy.name}: ${strategy.description}` : "none"}</dd>
        <dt>Initial capital</dt>
        <dd>{formatAmount(capital, shareClass)}</dd>
        <dt>Period</dt>
        <dd>
          {formatTime(start)} → {formatTime(end)}
        </dd>
        <dt>Overrides</dt>
        <dd>{changed.length === 0 ? "none" : changed.map(([key, value]) => `${key}=${value}`).join(", ")}</dd>
        <dt>Stress</dt>
        <dd>{stress.length === 0 ? "none" : stress.join("; ")}</dd>
        <dt>Capital flows</dt>
        <dd>{flows.length === 0 ? "none" : flows.map((f) => `${formatTime(f.time)}: ${formatAmount(f.amount, shareClass)}`).join("; ")}</dd>
      </dl>
      <FieldErrors id="other-errors" errors={other.flatMap(([field, messages]) => messages.map((m) => `${field}: ${m}`))} />
    </section>
  );
}
