// Package requestid is a Traefik middleware plugin (interpreted by Yaegi, Go standard library only).
//
// It is the outermost middleware of every chain, and does two things:
//
// The request id. Every request gets the gateway's own request id, a random UUID4, set on the request forwarded
// to the backend and on the response sent to the client: what the services log and audit is never an id a
// client chose. The client's own X-Request-ID, when it is a sane token (1 to maxLength characters of
// [A-Za-z0-9._-]), travels on as X-Client-Request-ID (any X-Client-Request-ID the client sent itself is dropped),
// so a partner can still find its request in the platform's logs and audit log.
//
// The gateway's own errors as problems. Traefik answers some requests itself, with a bare text/plain body: the
// rate limiter's 429, the buffering middleware's 413, the load balancer's 503 "no available server" (every
// server of the service failed its health check), the proxy's 502 (connection refused, reset, or closed without
// an answer) and 504 (no response headers within responseHeaderTimeout). The response writer this middleware
// hands down replaces every error answer (status >= 400) that has no Content-Type or a text/plain one — none of
// the services answers so: their errors are application/problem+json — with an RFC 9457 problem of the same
// shape as the services' (type <problemTypeBase><slug>, title, status, detail, instance = the request path,
// request_id), keeping the headers already set (Retry-After of the rate limiter, the security headers). 502, 503
// and 504 also get a Retry-After of retryAfterSeconds when they have none. Nothing here depends on a service
// being up (Traefik's errors middleware fetched the body from a service, which answered "Bad Gateway" when it
// was itself down).
package requestid

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
)

const (
	defaultHeaderName = "X-Request-ID"
	// clientHeaderName carries the client's own request id to the backend.
	clientHeaderName = "X-Client-Request-Id"
	defaultMaxLength = 128
	// problemMediaType is the media type of every error answer (RFC 9457).
	problemMediaType = "application/problem+json"
)

// slugs are the problem type slugs of vru_shared.problems (the same type for the same status, gateway or service).
var slugs = map[int]string{
	400: "bad-request",
	401: "unauthorized",
	403: "forbidden",
	404: "not-found",
	405: "method-not-allowed",
	406: "not-acceptable",
	409: "conflict",
	412: "precondition-failed",
	413: "payload-too-large",
	415: "unsupported-media-type",
	422: "validation-error",
	428: "precondition-required",
	429: "too-many-requests",
	431: "request-header-fields-too-large",
	500: "internal-error",
	502: "bad-gateway",
	503: "service-unavailable",
	504: "gateway-timeout",
}

// details say, for the statuses Traefik produces itself, what happened and what the client may do.
var details = map[int]string{
	404: "There is nothing at this path.",
	413: "The request body is larger than this API accepts.",
	429: "Too many requests: wait for the number of seconds in Retry-After before sending more.",
	500: "The gateway could not pass the request on. Retry it after the number of seconds in Retry-After.",
	502: "The service did not answer (it may be restarting). A request that changes something may or may not have " +
		"taken effect: send it again with the same Idempotency-Key after the number of seconds in Retry-After.",
	503: "The service is not available right now (it is starting, stopping or down); the request did not reach it. " +
		"Retry after the number of seconds in Retry-After.",
	504: "The service did not answer in time. A request that changes something may or may not have taken effect: " +
		"send it again with the same Idempotency-Key after the number of seconds in Retry-After.",
}

// Config is the plugin configuration (the middleware's "plugin.requestid" block in the dynamic configuration).
type Config struct {
	HeaderName string `json:"headerName,omitempty"`
	MaxLength  int    `json:"maxLength,omitempty"`
	// ProblemTypeBase prefixes the slugs of the problem types (vru_shared.problems.PROBLEM_TYPE_BASE).
	ProblemTypeBase string `json:"problemTypeBase,omitempty"`
	// RetryAfterSeconds is the Retry-After of a gateway-made 500, 502, 503 or 504 that has none.
	RetryAfterSeconds int `json:"retryAfterSeconds,omitempty"`
}

// CreateConfig returns the default configuration.
func CreateConfig() *Config {
	return &Config{
		HeaderName:        defaultHeaderName,
		MaxLength:         defaultMaxLength,
		ProblemTypeBase:   "about:blank#",
		RetryAfterSeconds: 2,
	}
}

// RequestID is the middleware.
type RequestID struct {
	next       http.Handler
	headerName string
	maxLength  int
	typeBase   string
	retryAfter string
}

// New creates the middleware.
func New(_ context.Context, next http.Handler, config *Config, name string) (http.Handler, error) {
	headerName := strings.TrimSpace(config.HeaderName)
	if headerName == "" {
		headerName = defaultHeaderName
	}
	maxLength := config.MaxLength
	if maxLength <= 0 {
		maxLength = defaultMaxLength
	}
	if config.RetryAfterSeconds < 1 {
		return nil, fmt.Errorf("requestid %s: retryAfterSeconds must be 1 or more, got %d", name, config.RetryAfterSeconds)
	}
	return &RequestID{
		next:       next,
		headerName: http.CanonicalHeaderKey(headerName),
		maxLength:  maxLength,
		typeBase:   config.ProblemTypeBase,
		retryAfter: strconv.Itoa(config.RetryAfterSeconds),
	}, nil
}

func (m *RequestID) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
	id := newUUID4()
	clientID := req.Header.Get(m.headerName)
	req.Header.Del(clientHeaderName)
	if saneID(clientID, m.maxLength) {
		req.Header.Set(clientHeaderName, clientID)
	}
	// Set replaces every value a client sent: exactly one id travels on.
	req.Header.Set(m.headerName, id)
	m.next.ServeHTTP(&edgeWriter{rw: rw, m: m, id: id, path: req.URL.Path}, req)
}

// saneID reports whether id is 1..maxLength characters of [A-Za-z0-9._-].
func saneID(id string, maxLength int) bool {
	if id == "" || len(id) > maxLength {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z':
		case c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9':
		case c == '.' || c == '_' || c == '-':
		default:
			return false
		}
	}
	return true
}

// newUUID4 returns a random (version 4, RFC 9562) UUID in its canonical text form.
func newUUID4() string {
	b := make([]byte, 16)
	// crypto/rand.Read does not fail on supported platforms (Go >= 1.24 aborts instead of returning an error).
	_, _ = rand.Read(b)
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

type problemDocument struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail,omitempty"`
	Instance  string `json:"instance"`
	RequestID string `json:"request_id"`
}

// problem is the RFC 9457 body of a gateway-made answer with this status.
func (m *RequestID) problem(status int, path, id string) []byte {
	slug, ok := slugs[status]
	if !ok {
		slug = "http-" + strconv.Itoa(status)
	}
	title := http.StatusText(status)
	if title == "" {
		title = "Error"
	}
	body, err := json.Marshal(problemDocument{
		Type:      m.typeBase + slug,
		Title:     title,
		Status:    status,
		Detail:    details[status],
		Instance:  path,
		RequestID: id,
	})
	if err != nil { // a struct of strings and an int always marshals
		return []byte("{}")
	}
	return body
}

// gatewayMade reports whether an error answer was made by Traefik itself (bare text), not by a service.
func gatewayMade(h http.Header) bool {
	contentType := h.Get("Content-Type")
	return contentType == "" || strings.HasPrefix(contentType, "text/plain")
}

// edgeWriter stamps the request id on the response just before the status is sent, and turns Traefik's own
// text/plain error answers into problems.
type edgeWriter struct {
	rw          http.ResponseWriter
	m           *RequestID
	id          string
	path        string
	wroteHeader bool
	// replaced: the answer's body is the problem already written; the original body is dropped.
	replaced bool
}

func (w *edgeWriter) Header() http.Header {
	return w.rw.Header()
}

func (w *edgeWriter) WriteHeader(code int) {
	if w.wroteHeader || (code < 200 && code != http.StatusSwitchingProtocols) {
		w.rw.WriteHeader(code)
		return
	}
	w.wroteHeader = true
	h := w.rw.Header()
	h.Set(w.m.headerName, w.id)
	if code < 400 || code == 499 || !gatewayMade(h) {
		w.rw.WriteHeader(code)
		return
	}
	body := w.m.problem(code, w.path, w.id)
	h.Set("Content-Type", problemMediaType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Cache-Control", "no-store")
	h.Del("X-Retry-In") // the rate limiter's Go duration; Retry-After says it
	if (code == 500 || code == 502 || code == 503 || code == 504) && h.Get("Retry-After") == "" {
		h.Set("Retry-After", w.m.retryAfter)
	}
	w.replaced = true
	w.rw.WriteHeader(code)
	_, _ = w.rw.Write(body)
}

func (w *edgeWriter) Write(b []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	if w.replaced {
		return len(b), nil
	}
	return w.rw.Write(b)
}

func (w *edgeWriter) Flush() {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	if f, ok := w.rw.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *edgeWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	if h, ok := w.rw.(http.Hijacker); ok {
		return h.Hijack()
	}
	return nil, nil, errors.New("requestid: the response writer cannot be hijacked")
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *edgeWriter) Unwrap() http.ResponseWriter {
	return w.rw
}
