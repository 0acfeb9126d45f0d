// The API reference at /docs: Swagger UI (npm swagger-ui-dist, copied here by the build) on the server's own OpenAPI
// document. A separate file, not an inline script, so a strict Content-Security-Policy (script-src 'self') allows it.
// The Authorize button takes an API key for X-API-Key, which "Try it out" then sends.
// Operations are not deep links: Swagger UI renders those as a link inside the operation's button, which screen
// readers cannot reach (axe's nested-interactive).
window.ui = SwaggerUIBundle({
  url: "/openapi/v1.json",
  dom_id: "#swagger-ui",
  deepLinking: false,
  validatorUrl: null,
  onComplete: () => {
    // The server picker's visible caption is not its label.
    document.querySelector("select#servers")?.setAttribute("aria-label", "Server");
  },
});
