import { useId, useState, type FormEvent } from "react";
import { ApiError, type ApiClient, type LiveInstance } from "../api/client";
import { ConfirmDialog } from "./Dialog";

type Pending = "start-halted" | "emergency-stop" | null;

/** What the last action did, in the API's words. */
type Outcome = { ok: true; message: string } | { ok: false; error: ApiError } | null;

/**
 * Start (a halted instance only with the halt acknowledged, after a confirmation), stop, emergency stop (after a
 * confirmation naming the instance), rebalance, deposit and withdraw. Each answer, or the API's problem, is shown;
 * `onChanged` reads the instance again.
 */
export function LiveActions({ client, instance, onChanged }: { client: ApiClient; instance: LiveInstance; onChanged: () => void }) {
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [amount, setAmount] = useState("");
  const [amountError, setAmountError] = useState<string | null>(null);
  const amountId = useId();
  const unit = instance.share_class;
  const stopped = instance.status === "stopped";
  const halted = instance.status === "halted";

  const act = async (action: () => Promise<string>) => {
    setPending(null);
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ ok: true, message: await action() });
      onChanged();
    } catch (e) {
      setOutcome({ ok: false, error: e instanceof ApiError ? e : new ApiError("failed", String(e)) });
    } finally {
      setBusy(false);
    }
  };

  const start = (acknowledgeHalt: boolean) =>
    act(async () => {
      const answer = await client.liveStart(instance.id, acknowledgeHalt);
      return `Started: ${answer.name} is ${answer.status}.`;
    });

  const flow = (kind: "deposit" | "withdraw") => async () => {
    setAmountError(null);
    const typed = amount.trim();
    const value = typed !== "" && Number.isFinite(Number(typed)) ? Number(typed) : typed;
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await client.liveFlow(instance.id, kind, value);
      setOutcome({ ok: true, message: `${kind === "deposit" ? "Deposit" : "Withdrawal"} of ${typed} ${unit} ${answer.status}: ${answer.message}` });
      setAmount("");
      onChanged();
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError("failed", String(e));
      const onField = error.fields["amount"];
      if (onField && onField.length > 0) {
        setAmountError(onField.join(" "));
      } else {
        setOutcome({ ok: false, error });
      }
    } finally {
      setBusy(false);
    }
  };

  // Enter in the amount field sends nothing: deposit or withdraw is always a button's choice.
  const submitFlow = (event: FormEvent<HTMLFormElement>) => event.preventDefault();

  return (
    <section className="actions" aria-label="Actions">
      <h2>Actions</h2>
      <div className="buttons">
        <button type="button" disabled={busy || stopped || instance.status === "active"} onClick={() => (halted ? setPending("start-halted") : void start(false))}>
          {halted ? "Start (clear the halt)" : "Start"}
        </button>
        <button type="button" disabled={busy || instance.status !== "active"} onClick={() => void act(async () => `Stopped: ${(await client.liveStop(instance.id)).status}.`)}>
          Stop
        </button>
        <button type="button" disabled={busy || stopped} onClick={() => void act(async () => { const answer = await client.liveRebalance(instance.id); return `Rebalance ${answer.status}: ${answer.message}`; })}>
          Rebalance now
        </button>
        <button type="button" className="danger" disabled={busy || stopped} onClick={() => setPending("emergency-stop")}>
          Emergency stop
        </button>
      </div>

      <form className="flow" onSubmit={submitFlow} noValidate>
        <label htmlFor={amountId}>Amount ({unit})</label>
        <input
          id={amountId}
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          aria-invalid={amountError ? true : undefined}
          aria-describedby={amountError ? `${amountId}-error` : undefined}
          disabled={stopped}
        />
        <button type="button" disabled={busy || stopped} onClick={() => void flow("deposit")()}>
          Deposit
        </button>
        <button type="button" disabled={busy || stopped} onClick={() => void flow("withdraw")()}>
          Withdraw
        </button>
        {amountError && (
          <p id={`${amountId}-error`} className="field-error" role="alert">
            {amountError}
          </p>
        )}
      </form>
      <p className="hint">Deposits and withdrawals are applied at the next whole hour; a withdrawal comes from idle cash first, the rest by unwinding.</p>

      {busy && (
        <p className="status" role="status">
          Asking the API…
        </p>
      )}
      {outcome?.ok === true && (
        <p className="status done" role="status">
          {outcome.message}
        </p>
      )}
      {outcome?.ok === false && (
        <p className="status error" role="alert">
          {outcome.error.message}
        </p>
      )}

      {pending === "start-halted" && (
        <ConfirmDialog title={`Clear the halt of ${instance.name}?`} confirm="Clear the halt and start" onConfirm={() => void start(true)} onClose={() => setPending(null)}>
          <p>
            {instance.name} is <strong>halted</strong>
            {instance.breaches[0] ? ` (latest breach: ${instance.breaches[0].message})` : ""}. Starting it clears the halt: it trades again on its next
            cycle, and an alert records that you acknowledged it.
          </p>
        </ConfirmDialog>
      )}
      {pending === "emergency-stop" && (
        <ConfirmDialog
          title={`Emergency stop ${instance.name}?`}
          confirm={`Emergency stop ${instance.name}`}
          danger
          onConfirm={() =>
            void act(async () => {
              const answer = await client.liveEmergencyStop(instance.id);
              return `Halted. ${answer.unwind}`;
            })
          }
          onClose={() => setPending(null)}
        >
          <p>
            {instance.name} ({instance.execution === "real" ? "REAL funds" : "paper"}) is halted at once, with a breach; its next cycle unwinds the book into cash
            at that hour's prices. Starting it again needs the halt acknowledged.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
