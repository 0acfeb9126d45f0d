import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { startRunPageReads } from "./pages/RunPage";
import { loadKey } from "./session";
import "./styles.css";

// A run's page, the one most opened, reads its data while React starts.
const key = loadKey();
if (key) {
  startRunPageReads(key, location.pathname);
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
