// The API docs page: Swagger UI over the whole API's OpenAPI document (no inline script: the CSP allows none).
window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  displayRequestDuration: true,
  filter: true, // a box to find operations by tag: the page lists 160 of them
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
