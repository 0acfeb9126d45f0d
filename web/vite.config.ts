/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { apiDocs } from "./apiDocs";

// 'npm run dev' serves the dashboard on 127.0.0.1:5173 and passes the API's paths on to a local 'basis serve'
// (BASIS_API_URL, default http://127.0.0.1:7071).
const api = process.env.BASIS_API_URL ?? "http://127.0.0.1:7071";

export default defineConfig({
  plugins: [react(), apiDocs()],
  server: {
    host: "127.0.0.1",
    proxy: { "/api": api, "/health": api, "/openapi": api },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
  },
});
