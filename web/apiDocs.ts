import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

// The API reference UI at /docs: Swagger UI from the npm package swagger-ui-dist, nothing from a CDN. The build writes
// docs/ into dist beside the dashboard (the page and its initialiser from web/docs, the bundle and stylesheet from the
// package), which the server serves at /docs/ and Caddy passes on; 'npm run dev' serves the same files.

const here = dirname(fileURLToPath(import.meta.url));
const swaggerUi = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

/** Each file of /docs/ and where it comes from. */
const files: Record<string, string> = {
  "index.html": join(here, "docs", "index.html"),
  "init.js": join(here, "docs", "init.js"),
  "overrides.css": join(here, "docs", "overrides.css"),
  "swagger-ui-bundle.js": join(swaggerUi, "swagger-ui-bundle.js"),
  "swagger-ui.css": join(swaggerUi, "swagger-ui.css"),
  "favicon-32x32.png": join(swaggerUi, "favicon-32x32.png"),
  LICENSE: join(swaggerUi, "LICENSE"),
};

const types: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  png: "image/png",
};

export function apiDocs(): Plugin {
  return {
    name: "basis-api-docs",
    generateBundle() {
      for (const [name, source] of Object.entries(files)) {
        this.emitFile({ type: "asset", fileName: `docs/${name}`, source: readFileSync(source) });
      }
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? "").split("?")[0] ?? "";
        if (path === "/docs") {
          response.writeHead(301, { Location: "/docs/" }).end();
          return;
        }
        const name = path === "/docs/" ? "index.html" : path.startsWith("/docs/") ? path.slice("/docs/".length) : undefined;
        const source = name === undefined ? undefined : files[name];
        if (source === undefined) {
          next();
          return;
        }
        response.writeHead(200, { "Content-Type": types[name!.split(".").pop() ?? ""] ?? "text/plain" }).end(readFileSync(source));
      });
    },
  };
}
