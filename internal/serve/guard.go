package serve

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// RequestHeader is the header a client sends to start a run without a JSON
// body: a web page cannot send it to another site without a CORS
// preflight, which the daemon never grants.
const RequestHeader = "X-Geokg-Request"

// ErrNoToken means the daemon was asked to listen beyond loopback without
// a bearer token.
var ErrNoToken = errors.New("a non-loopback address needs a bearer token")

// IsLoopback reports whether addr (host:port) listens on loopback only: a
// loopback IP or "localhost". An empty host (":8080") is every interface.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	return err == nil && loopbackName(host)
}

func loopbackName(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// guard keeps other web sites and other hosts away from the API.
type guard struct {
	// loopback: the daemon listens on loopback, so the Host header must
	// name loopback (a DNS-rebinding page sends its own name).
	loopback bool
	// token, when set, is required as "Authorization: Bearer <token>".
	token string
}

// host rejects requests whose Host header names another machine when the
// daemon listens on loopback.
func (g guard) host(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if g.loopback && !loopbackName(hostname(r.Host)) {
			writeJSON(w, http.StatusForbidden, map[string]string{
				"error": fmt.Sprintf("Host %q is not allowed: the daemon listens on loopback; use localhost or 127.0.0.1", r.Host)})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// auth requires the bearer token, when one is configured.
func (g guard) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if g.token != "" {
			got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(g.token)) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="geokg"`)
				writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "missing or wrong bearer token (Authorization: Bearer <serve.token>)"})
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// action protects a state-changing endpoint from cross-site requests: the
// request must be one a form or a simple fetch cannot make (a JSON content
// type or the X-Geokg-Request header), and its Origin, when sent, must be
// the daemon itself.
func (g guard) action(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); origin != "" && !sameOrigin(origin, r.Host) {
			writeJSON(w, http.StatusForbidden, map[string]string{"error": fmt.Sprintf("cross-origin request from %s refused", origin)})
			return
		}
		if !nonSimple(r) {
			writeJSON(w, http.StatusForbidden, map[string]string{
				"error": "send the header " + RequestHeader + ": 1 (or Content-Type: application/json) to start a run"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

func nonSimple(r *http.Request) bool {
	if r.Header.Get(RequestHeader) != "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mt == "application/json"
}

// sameOrigin reports whether an Origin header names the host the request
// was sent to ("null" and other schemes are not).
func sameOrigin(origin, host string) bool {
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	return strings.EqualFold(u.Host, host)
}

// hostname strips the port of a Host header.
func hostname(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return strings.Trim(h, "[]")
	}
	return strings.Trim(hostport, "[]")
}
