// Starts GOV.UK Frontend's components (and again on content htmx swaps in).
import { initAll } from '/static/govuk/govuk-frontend.min.js';

initAll();
document.body.addEventListener('htmx:afterSwap', (event) => initAll({ scope: event.target }));
