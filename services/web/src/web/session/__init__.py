"""Server-side sessions: the browser holds an opaque id in an HttpOnly cookie; the token stays here."""
