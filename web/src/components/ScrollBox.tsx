import type { ReactNode } from "react";

/**
 * A box that scrolls sideways when its table or chart is wider than the screen (a phone), instead of the page. It can
 * take the focus, so a keyboard can scroll it too, and is a named region (axe's scrollable-region-focusable).
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
