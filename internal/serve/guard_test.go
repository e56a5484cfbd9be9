package serve_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/internal/serve"
)

func noStore(context.Context) (serve.DaemonStore, error) { return nil, context.Canceled }

// handle sends one request to a daemon's handler (nothing runs: the job
// names are unknown, so a request that passes the guard answers 404).
func handle(t *testing.T, d *serve.Daemon, method, target string, header map[string]string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	d.Handler().ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// guardCase is one request and the status it must get.
type guardCase struct {
	name   string
	method string
	target string
	header map[string]string
	want   int
}

func checkGuard(t *testing.T, d *serve.Daemon, cases []guardCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, body := handle(t, d, c.method, c.target, c.header)
			assert.Equal(t, c.want, code, body)
			if c.want == http.StatusUnauthorized {
				assert.Contains(t, body, "bearer token")
			}
		})
	}
}

func TestRunEndpointRefusesCrossSiteRequests(t *testing.T) {
	d, err := serve.New(serve.Config{Addr: "127.0.0.1:8080", Open: noStore})
	require.NoError(t, err)
	const run = "http://127.0.0.1:8080/jobs/nope/run"
	checkGuard(t, d, []guardCase{
		{"a form post (simple request)", "POST", run, map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, 403},
		{"a bare post", "POST", run, nil, 403},
		{"a text/plain fetch", "POST", run, map[string]string{"Content-Type": "text/plain"}, 403},
		{"the custom header", "POST", run, map[string]string{serve.RequestHeader: "1"}, 404},
		{"a JSON body", "POST", run, map[string]string{"Content-Type": "application/json; charset=utf-8"}, 404},
		{"another origin", "POST", run, map[string]string{serve.RequestHeader: "1", "Origin": "https://evil.example"}, 403},
		{"origin null", "POST", run, map[string]string{serve.RequestHeader: "1", "Origin": "null"}, 403},
		{"same origin", "POST", run, map[string]string{serve.RequestHeader: "1", "Origin": "http://127.0.0.1:8080"}, 404},
		{"DNS rebinding: another Host", "POST", run, map[string]string{serve.RequestHeader: "1", "Host": "evil.example:8080"}, 403},
		{"DNS rebinding on /jobs", "GET", "http://127.0.0.1:8080/jobs", map[string]string{"Host": "evil.example:8080"}, 403},
		{"localhost", "POST", run, map[string]string{serve.RequestHeader: "1", "Host": "localhost:8080"}, 404},
		{"IPv6 loopback", "POST", run, map[string]string{serve.RequestHeader: "1", "Host": "[::1]:8080"}, 404},
		{"/jobs, no token configured", "GET", "http://127.0.0.1:8080/jobs", nil, 200},
	})
}

func TestNonLoopbackNeedsToken(t *testing.T) {
	_, err := serve.New(serve.Config{Addr: "0.0.0.0:8080", Open: noStore})
	require.ErrorIs(t, err, serve.ErrNoToken)
	assert.ErrorContains(t, err, "0.0.0.0:8080")
	_, err = serve.New(serve.Config{Addr: ":8080", Open: noStore})
	require.ErrorIs(t, err, serve.ErrNoToken)

	d, err := serve.New(serve.Config{Addr: "0.0.0.0:8080", Token: "s3cret", Open: noStore})
	require.NoError(t, err)
	const host = "http://geokg.internal:8080"
	checkGuard(t, d, []guardCase{
		{"health needs no token", "GET", host + "/healthz", nil, 200},
		{"jobs without a token", "GET", host + "/jobs", nil, 401},
		{"metrics without a token", "GET", host + "/metrics", nil, 401},
		{"a wrong token", "GET", host + "/jobs", map[string]string{"Authorization": "Bearer nope"}, 401},
		{"basic auth is not a bearer token", "GET", host + "/jobs", map[string]string{"Authorization": "Basic czNjcmV0"}, 401},
		{"the token", "GET", host + "/jobs", map[string]string{"Authorization": "Bearer s3cret"}, 200},
		{"metrics with the token", "GET", host + "/metrics", map[string]string{"Authorization": "Bearer s3cret"}, 200},
		{"run without a token", "POST", host + "/jobs/nope/run", map[string]string{serve.RequestHeader: "1"}, 401},
		{"run with the token", "POST", host + "/jobs/nope/run", map[string]string{serve.RequestHeader: "1", "Authorization": "Bearer s3cret"}, 404},
		{"run with the token, simple request", "POST", host + "/jobs/nope/run", map[string]string{"Authorization": "Bearer s3cret"}, 403},
	})
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:8080": true, "[::1]:8080": true, "127.0.0.2:1": true,
		"0.0.0.0:8080": false, ":8080": false, "192.168.1.2:8080": false, "example.org:80": false, "bad": false,
	} {
		assert.Equal(t, want, serve.IsLoopback(addr), addr)
	}
}
