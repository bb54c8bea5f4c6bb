// Package clientkey is a Traefik middleware plugin (interpreted by Yaegi, Go standard library only).
//
// Traefik's rateLimit middleware keys its buckets on ONE criterion: a request header, or the source
// address. Keyed on the Authorization header alone, every request without one shares a single bucket, so
// one anonymous flood makes everybody's login a 429. This plugin sets headerName to the key a per-client
// limit should use:
//
//	"token:" + hex(SHA-256(Authorization))   when the request carries Authorization
//	"source:" + the source address            otherwise
//
// The source address is found like Traefik's ipStrategy: depth > 0 takes the depth-th X-Forwarded-For
// entry from the right (Traefik has already removed X-Forwarded-For sent by an untrusted peer), else the
// TCP peer; IPv6 addresses are grouped by their ipv6Subnet prefix. The value a client sends in headerName
// is always replaced. A headers middleware removes the header again after the rate limit.
package clientkey

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"strings"
)

const defaultHeaderName = "X-Vru-Rate-Key"

// Config is the plugin configuration (the middleware's "plugin.clientkey" block in the dynamic configuration).
type Config struct {
	HeaderName string `json:"headerName,omitempty"`
	Depth      int    `json:"depth,omitempty"`
	IPv6Subnet int    `json:"ipv6Subnet,omitempty"`
}

// CreateConfig returns the default configuration.
func CreateConfig() *Config {
	return &Config{HeaderName: defaultHeaderName}
}

// ClientKey is the middleware.
type ClientKey struct {
	next       http.Handler
	headerName string
	depth      int
	ipv6Subnet int
}

// New creates the middleware.
func New(_ context.Context, next http.Handler, config *Config, name string) (http.Handler, error) {
	headerName := strings.TrimSpace(config.HeaderName)
	if headerName == "" {
		headerName = defaultHeaderName
	}
	if config.Depth < 0 {
		return nil, fmt.Errorf("clientkey %s: depth must be 0 or more, got %d", name, config.Depth)
	}
	if config.IPv6Subnet < 0 || config.IPv6Subnet > 128 {
		return nil, fmt.Errorf("clientkey %s: ipv6Subnet must be 0 to 128, got %d", name, config.IPv6Subnet)
	}
	return &ClientKey{
		next:       next,
		headerName: http.CanonicalHeaderKey(headerName),
		depth:      config.Depth,
		ipv6Subnet: config.IPv6Subnet,
	}, nil
}

func (m *ClientKey) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
	var key string
	if authorization := req.Header.Get("Authorization"); authorization != "" {
		sum := sha256.Sum256([]byte(authorization))
		key = "token:" + hex.EncodeToString(sum[:])
	} else {
		key = "source:" + m.source(req)
	}
	req.Header.Set(m.headerName, key)
	m.next.ServeHTTP(rw, req)
}

// source is the request's source address, as Traefik's ipStrategy with the same depth and ipv6Subnet finds it.
func (m *ClientKey) source(req *http.Request) string {
	var address string
	if m.depth > 0 {
		entries := strings.Split(req.Header.Get("X-Forwarded-For"), ",")
		if len(entries) >= m.depth {
			address = strings.TrimSpace(entries[len(entries)-m.depth])
		}
	} else {
		host, _, err := net.SplitHostPort(req.RemoteAddr)
		if err != nil {
			host = req.RemoteAddr
		}
		address = host
	}
	if m.ipv6Subnet > 0 {
		if ip := net.ParseIP(address); ip != nil && ip.To4() == nil {
			address = ip.Mask(net.CIDRMask(m.ipv6Subnet, 128)).String()
		}
	}
	return address
}
