import type { ReactNode } from "react";
import { Link } from "../router";

export function Layout({ onSignOut, children }: { onSignOut: () => void; children: ReactNode }) {
  return (
    <>
      <header className="bar">
        <Link to="/" className="brand">
          Basis
        </Link>
        <nav>
          <Link to="/">Runs</Link>
          <Link to="/live">Live</Link>
          <Link to="/health">Health</Link>
        </nav>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main>{children}</main>
    </>
  );
}
