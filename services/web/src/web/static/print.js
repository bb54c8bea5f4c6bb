// A "Print this page" button (the CSP allows no inline script): any element with data-vru-print.
for (const button of document.querySelectorAll('[data-vru-print]')) {
  button.addEventListener('click', () => window.print());
}
