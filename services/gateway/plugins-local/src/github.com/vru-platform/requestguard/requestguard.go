// Package requestguard is a Traefik middleware plugin (interpreted by Yaegi, Go standard library only).
//
// Traefik checks encoded characters in the path (entryPoints.<name>.http.encodedCharacters) before a
// router's middlewares run, and Go's HTTP server refuses headers over maxHeaderBytes before Traefik sees the
// request: both answer a bare status, without the gateway's security headers, request id or problem body.
// This plugin makes the same refusals inside the middleware chain, as RFC 9457 problems:
//
//   - 400 (type <problemTypeBase>bad-request) when the escaped path contains one of
//     deniedEncodedCharacters (matched case-insensitively: %2f is %2F);
//   - 431 (type <problemTypeBase>request-header-fields-too-large) when the request line and headers
//     exceed maxHeaderBytes, a limit below the entry point's, which stays the hard backstop.
//
// With answerStatus 404 (a second instance, at the end of the routers with nothing behind them: the fallback for
// paths that are no route, and the services' own /metrics, /readyz and /healthz) it answers every request with
// the 404 problem (type <problemTypeBase>not-found) itself: no service has to be up for it.
//
// The problem's instance is the request path, its request_id the X-Request-ID the requestid plugin (earlier in
// the chain) has set.
package requestguard

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// Config is the plugin configuration (the middleware's "plugin.requestguard" block in the dynamic configuration).
type Config struct {
	ProblemTypeBase         string   `json:"problemTypeBase,omitempty"`
	DeniedEncodedCharacters []string `json:"deniedEncodedCharacters,omitempty"`
	MaxHeaderBytes          int      `json:"maxHeaderBytes,omitempty"`
	RequestIDHeader         string   `json:"requestIdHeader,omitempty"`
	// AnswerStatus, when set (only 404 is accepted), answers every request with that problem.
	AnswerStatus int `json:"answerStatus,omitempty"`
}

// CreateConfig returns the default configuration.
func CreateConfig() *Config {
	return &Config{
		ProblemTypeBase:         "about:blank#",
		DeniedEncodedCharacters: []string{"%2F", "%5C", "%00", "%3B", "%25", "%3F", "%23"},
		MaxHeaderBytes:          32768,
		RequestIDHeader:         "X-Request-ID",
	}
}

// RequestGuard is the middleware.
type RequestGuard struct {
	next            http.Handler
	typeBase        string
	denied          map[string]bool
	deniedList      string
	maxHeaderBytes  int
	requestIDHeader string
	answerStatus    int
}

// New creates the middleware.
func New(_ context.Context, next http.Handler, config *Config, name string) (http.Handler, error) {
	denied := map[string]bool{}
	names := make([]string, 0, len(config.DeniedEncodedCharacters))
	for _, c := range config.DeniedEncodedCharacters {
		c = strings.ToUpper(strings.TrimSpace(c))
		if len(c) != 3 || c[0] != '%' {
			return nil, fmt.Errorf("requestguard %s: an encoded character is %%XX, got %q", name, c)
		}
		denied[c] = true
		names = append(names, c)
	}
	if config.MaxHeaderBytes < 0 {
		return nil, fmt.Errorf("requestguard %s: maxHeaderBytes must be 0 (no limit) or more, got %d", name, config.MaxHeaderBytes)
	}
	requestIDHeader := strings.TrimSpace(config.RequestIDHeader)
	if requestIDHeader == "" {
		requestIDHeader = "X-Request-ID"
	}
	if config.AnswerStatus != 0 && config.AnswerStatus != http.StatusNotFound {
		return nil, fmt.Errorf("requestguard %s: answerStatus must be 404 (or unset), got %d", name, config.AnswerStatus)
	}
	return &RequestGuard{
		next:            next,
		typeBase:        config.ProblemTypeBase,
		denied:          denied,
		deniedList:      strings.Join(names, ", "),
		maxHeaderBytes:  config.MaxHeaderBytes,
		requestIDHeader: http.CanonicalHeaderKey(requestIDHeader),
		answerStatus:    config.AnswerStatus,
	}, nil
}

func (m *RequestGuard) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
	if m.answerStatus == http.StatusNotFound {
		m.problem(rw, req, http.StatusNotFound, "not-found", "There is nothing at this path.")
		return
	}
	if m.maxHeaderBytes > 0 && headerBytes(req) > m.maxHeaderBytes {
		m.problem(rw, req, http.StatusRequestHeaderFieldsTooLarge, "request-header-fields-too-large",
			fmt.Sprintf("The request's headers are larger than this API accepts (%d bytes).", m.maxHeaderBytes))
		return
	}
	if m.deniedPath(req.URL.EscapedPath()) {
		m.problem(rw, req, http.StatusBadRequest, "bad-request",
			"The path contains an encoded character this API does not accept ("+m.deniedList+").")
		return
	}
	m.next.ServeHTTP(rw, req)
}

// deniedPath reports whether the escaped path has a denied encoded character (or a dangling %).
func (m *RequestGuard) deniedPath(escaped string) bool {
	for i := 0; i < len(escaped); i++ {
		if escaped[i] != '%' {
			continue
		}
		if i+2 >= len(escaped) {
			return true
		}
		if m.denied[strings.ToUpper(escaped[i:i+3])] {
			return true
		}
		i += 2
	}
	return false
}

// headerBytes is the size of the request line and headers as the client sent them (near enough: Go has
// already moved Host out of the header map, and Traefik has added its X-Forwarded-* headers).
func headerBytes(req *http.Request) int {
	size := len(req.Method) + len(req.RequestURI) + len(req.Proto) + 4
	size += len("Host: ") + len(req.Host) + 2
	for name, values := range req.Header {
		for _, value := range values {
			size += len(name) + len(value) + 4
		}
	}
	return size
}

type problemDocument struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail"`
	Instance  string `json:"instance"`
	RequestID string `json:"request_id,omitempty"`
}

func (m *RequestGuard) problem(rw http.ResponseWriter, req *http.Request, status int, slug, detail string) {
	body, err := json.Marshal(problemDocument{
		Type:      m.typeBase + slug,
		Title:     http.StatusText(status),
		Status:    status,
		Detail:    detail,
		Instance:  req.URL.Path,
		RequestID: req.Header.Get(m.requestIDHeader),
	})
	if err != nil {
		http.Error(rw, http.StatusText(status), status)
		return
	}
	h := rw.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", fmt.Sprint(len(body)))
	if status == http.StatusRequestHeaderFieldsTooLarge {
		h.Set("Connection", "close")
	}
	rw.WriteHeader(status)
	_, _ = rw.Write(body)
}
