import { useState, type FormEvent } from "react";

/** Asks for an API key ('basis api-key new'); the app keeps it for this browser session only. */
export function SignInPage({ notice, onSignIn }: { notice: string | null; onSignIn: (key: string) => void }) {
  const [key, setKey] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim()) {
      onSignIn(key.trim());
    }
  };

  return (
    <main className="sign-in">
      <h1>Basis</h1>
      {notice && (
        <p className="status error" role="alert">
          {notice}
        </p>
      )}
      <form onSubmit={submit}>
        <label htmlFor="api-key">API key</label>
        <input id="api-key" type="password" autoComplete="off" value={key} onChange={(event) => setKey(event.target.value)} required />
        <button type="submit">Sign in</button>
      </form>
      <p className="hint">A key from <code>basis api-key new</code>, whose hash the server has in BASIS_API_KEY_HASHES. It is kept for this browser session only.</p>
    </main>
  );
}
