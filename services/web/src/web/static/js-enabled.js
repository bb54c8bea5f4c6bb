// GOV.UK Frontend's template sets these classes with an inline script; the CSP allows none, so here it is.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
