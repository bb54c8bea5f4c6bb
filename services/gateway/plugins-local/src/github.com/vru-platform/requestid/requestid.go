// Package requestid is a Traefik middleware plugin (interpreted by Yaegi, Go standard library only).
//
// Role "edge" (the default) gives every request the gateway's own request id, a random UUID4, set on the
// request forwarded to the backend and on the response sent to the client: what the services log and audit
// is never an id a client chose. The client's own X-Request-ID, when it is a sane token (1 to maxLength
// characters of [A-Za-z0-9._-]), travels on as X-Client-Request-ID (any X-Client-Request-ID the client sent
// itself is dropped), so a partner can still find its request in the platform's logs and audit log.
//
// Role "capture" is placed *inside* Traefik's errors middleware. The errors middleware throws away the
// headers of the response it replaces (for example the Retry-After of a rate-limit 429); the capture
// instance records the headers listed in carryHeaders and the edge instance sets them on the
// replacement response when it has the same status (replacing the error page's own values).
package requestid

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
)

const (
	// RoleEdge assigns the request id; it must be the outermost middleware.
	RoleEdge = "edge"
	// RoleCapture records carryHeaders of error responses; it goes just inside the errors middleware.
	RoleCapture = "capture"

	defaultHeaderName = "X-Request-ID"
	// clientHeaderName carries the client's own request id to the backend.
	clientHeaderName = "X-Client-Request-Id"
	defaultMaxLength  = 128
)

// Config is the plugin configuration (the middleware's "plugin.requestid" block in the dynamic configuration).
type Config struct {
	HeaderName   string   `json:"headerName,omitempty"`
	MaxLength    int      `json:"maxLength,omitempty"`
	Role         string   `json:"role,omitempty"`
	CarryHeaders []string `json:"carryHeaders,omitempty"`
}

// CreateConfig returns the default configuration.
func CreateConfig() *Config {
	return &Config{
		HeaderName: defaultHeaderName,
		MaxLength:  defaultMaxLength,
		Role:       RoleEdge,
	}
}

// carried holds the response headers recorded by the capture instance for the edge instance.
type carried struct {
	status int
	header http.Header
}

type contextKey string

const carriedKey contextKey = "vru-requestid-carried"

// RequestID is the middleware.
type RequestID struct {
	next         http.Handler
	name         string
	headerName   string
	maxLength    int
	role         string
	carryHeaders []string
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
	role := strings.ToLower(strings.TrimSpace(config.Role))
	if role == "" {
		role = RoleEdge
	}
	if role != RoleEdge && role != RoleCapture {
		return nil, fmt.Errorf("requestid %s: role must be %q or %q, got %q", name, RoleEdge, RoleCapture, config.Role)
	}
	carryHeaders := make([]string, 0, len(config.CarryHeaders))
	for _, h := range config.CarryHeaders {
		if h = strings.TrimSpace(h); h != "" {
			carryHeaders = append(carryHeaders, http.CanonicalHeaderKey(h))
		}
	}
	return &RequestID{
		next:         next,
		name:         name,
		headerName:   http.CanonicalHeaderKey(headerName),
		maxLength:    maxLength,
		role:         role,
		carryHeaders: carryHeaders,
	}, nil
}

func (m *RequestID) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
	if m.role == RoleCapture {
		m.serveCapture(rw, req)
		return
	}

	id := newUUID4()
	clientID := req.Header.Get(m.headerName)
	req.Header.Del(clientHeaderName)
	if saneID(clientID, m.maxLength) {
		req.Header.Set(clientHeaderName, clientID)
	}
	// Set replaces every value a client sent: exactly one id travels on.
	req.Header.Set(m.headerName, id)

	c := &carried{}
	req = req.WithContext(context.WithValue(req.Context(), carriedKey, c))
	m.next.ServeHTTP(&edgeWriter{rw: rw, headerName: m.headerName, id: id, carried: c}, req)
}

func (m *RequestID) serveCapture(rw http.ResponseWriter, req *http.Request) {
	c, _ := req.Context().Value(carriedKey).(*carried)
	if c == nil || len(m.carryHeaders) == 0 {
		m.next.ServeHTTP(rw, req)
		return
	}
	m.next.ServeHTTP(&captureWriter{rw: rw, names: m.carryHeaders, carried: c}, req)
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

// edgeWriter stamps the request id (and carried headers) on the response just before the status is sent.
type edgeWriter struct {
	rw          http.ResponseWriter
	headerName  string
	id          string
	carried     *carried
	wroteHeader bool
}

func (w *edgeWriter) Header() http.Header {
	return w.rw.Header()
}

func (w *edgeWriter) WriteHeader(code int) {
	if !w.wroteHeader && (code >= 200 || code == http.StatusSwitchingProtocols) {
		w.wroteHeader = true
		h := w.rw.Header()
		h.Set(w.headerName, w.id)
		if w.carried.status == code {
			// The replaced response's value wins over the error page's generic one (e.g. Retry-After: 1).
			for name, values := range w.carried.header {
				h[name] = values
			}
		}
	}
	w.rw.WriteHeader(code)
}

func (w *edgeWriter) Write(b []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
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

// captureWriter records the carried headers of the first final (>= 400) response status.
type captureWriter struct {
	rw          http.ResponseWriter
	names       []string
	carried     *carried
	wroteHeader bool
}

func (w *captureWriter) Header() http.Header {
	return w.rw.Header()
}

func (w *captureWriter) WriteHeader(code int) {
	if !w.wroteHeader && code >= 200 {
		w.wroteHeader = true
		if code >= 400 {
			h := w.rw.Header()
			saved := http.Header{}
			for _, name := range w.names {
				if values := h.Values(name); len(values) > 0 {
					saved[name] = append([]string(nil), values...)
				}
			}
			if len(saved) > 0 {
				w.carried.status = code
				w.carried.header = saved
			}
		}
	}
	w.rw.WriteHeader(code)
}

func (w *captureWriter) Write(b []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	return w.rw.Write(b)
}

func (w *captureWriter) Flush() {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	if f, ok := w.rw.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *captureWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	if h, ok := w.rw.(http.Hijacker); ok {
		return h.Hijack()
	}
	return nil, nil, errors.New("requestid: the response writer cannot be hijacked")
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *captureWriter) Unwrap() http.ResponseWriter {
	return w.rw
}
