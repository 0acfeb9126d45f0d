import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from "react";

/** The browser's path, re-rendering on back/forward and on `navigate`. */
export function usePath(): string {
  return useSyncExternalStore(
    (changed) => {
      window.addEventListener("popstate", changed);
      return () => window.removeEventListener("popstate", changed);
    },
    () => window.location.pathname,
  );
}

export function navigate(to: string): void {
  window.history.pushState(null, "", to);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

/** A link that changes the page without reloading it (a modified click still opens a new tab). */
export function Link({ to, ...attributes }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }

    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={follow} {...attributes} />;
}
