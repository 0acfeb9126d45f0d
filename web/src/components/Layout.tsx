import type { ReactNode } from "react";
import { Link, usePath } from "../router";

export function Layout({ onSignOut, children }: { onSignOut: () => void; children: ReactNode }) {
  const path = usePath();
  return (
    <>
      <header className="bar">
        <Link to="/" className="brand">
          Basis
        </Link>
        <nav>
          <NavLink to="/" current={path === "/" || path.startsWith("/runs") || path.startsWith("/backtests") || path.startsWith("/compare")}>
            Runs
          </NavLink>
          <NavLink to="/sweeps" current={path.startsWith("/sweeps")}>
            Sweeps
          </NavLink>
          <NavLink to="/live" current={path.startsWith("/live")}>
            Live
          </NavLink>
          <NavLink to="/health" current={path === "/health"}>
            Health
          </NavLink>
          {/* The server's page, not the dashboard's: a plain link leaves the single-page app. */}
          <a href="/docs/">API docs</a>
        </nav>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main>{children}</main>
    </>
  );
}

function NavLink({ to, current, children }: { to: string; current: boolean; children: ReactNode }) {
  return (
    <Link to={to} aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}
