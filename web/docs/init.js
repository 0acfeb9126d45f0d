// The API reference at /docs: Swagger UI (npm swagger-ui-dist, copied here by the build) on the server's own OpenAPI
// document. A separate file, not an inline script, so a strict Content-Security-Policy (script-src 'self') allows it.
// "Try it out" sends requests from this page; the Authorize button takes an API key for X-API-Key.
window.ui = SwaggerUIBundle({
  url: "/openapi/v1.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  tryItOutEnabled: false,
  validatorUrl: null,
});
