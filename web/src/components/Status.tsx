import type { ApiError } from "../api/client";

export function Loading({ what }: { what: string }) {
  return (
    <p className="status" role="status">
      Loading {what}…
    </p>
  );
}

export function ErrorMessage({ error }: { error: ApiError }) {
  return (
    <p className="status error" role="alert">
      {error.message}
    </p>
  );
}
