import { useId, type ReactNode } from "react";

export type FieldProps = { id: string; "aria-invalid": boolean; "aria-describedby": string | undefined };

/** A labelled control with its hint and the problems found with it (announced, and tied to it by aria-describedby). */
export function Field({ label, hint, errors, children }: { label: string; hint?: string; errors?: string[]; children: (props: FieldProps) => ReactNode }) {
  const id = useId();
  const described = [hint && `${id}-hint`, errors?.length && `${id}-errors`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": Boolean(errors?.length), "aria-describedby": described })}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  // The alert wraps the list: role="alert" on the <ul> itself would take its list semantics away (axe: listitem).
  return errors && errors.length > 0 ? (
    <div role="alert">
      <ul id={id} className="field-errors">
        {errors.map((error) => (
          <li key={error}>{error}</li>
        ))}
      </ul>
    </div>
  ) : null;
}
