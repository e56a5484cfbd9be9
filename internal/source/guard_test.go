package source

import (
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loopback is the allow-list the tests' local servers need.
func loopback(t testing.TB) AllowList {
	t.Helper()
	a, err := ParseAllowList([]string{"loopback"})
	require.NoError(t, err)
	return a
}

func TestAllowListCheck(t *testing.T) {
	none := AllowList{}
	intranet, err := ParseAllowList([]string{"10.1.0.0/16", "192.168.7.7", "link-local"})
	require.NoError(t, err)
	cases := []struct {
		ip          string
		kind, allow string // blocked by default: why, and what allows it
		intranetOK  bool
	}{
		{"93.184.216.34", "", "", true},
		{"2606:4700::1111", "", "", true},
		{"127.0.0.1", "loopback", "127.0.0.0/8", false},
		{"::1", "loopback", "::1/128", false},
		{"10.0.0.5", "private", "10.0.0.0/8", false},
		{"10.1.2.3", "private", "10.0.0.0/8", true},
		{"172.20.1.1", "private", "172.16.0.0/12", false},
		{"192.168.7.7", "private", "192.168.0.0/16", true},
		{"192.168.7.8", "private", "192.168.0.0/16", false},
		{"fd00::1", "private", "fc00::/7", false},
		{"169.254.169.254", "link-local", "169.254.0.0/16", true},
		{"fe80::1", "link-local", "fe80::/10", true},
		{"100.100.100.200", "shared (carrier-grade NAT)", "100.64.0.0/10", false},
		{"0.0.0.0", "unspecified", "0.0.0.0/8", false},
		{"::", "unspecified", "::/128", false},
		{"224.0.0.1", "multicast", "224.0.0.0/4", false},
		{"::ffff:127.0.0.1", "loopback", "127.0.0.0/8", false},
		{"64:ff9b::a9fe:a9fe", "link-local", "169.254.0.0/16", true},
	}
	for _, c := range cases {
		t.Run(c.ip, func(t *testing.T) {
			ip := netip.MustParseAddr(c.ip)
			err := none.Check(ip)
			if c.kind == "" {
				assert.NoError(t, err)
			} else {
				var be *BlockedError
				require.ErrorAs(t, err, &be)
				assert.Equal(t, c.kind, be.Kind)
				assert.Equal(t, c.allow, be.Allow)
				assert.Contains(t, err.Error(), "allow it with --allow-network "+c.allow)
			}
			assert.Equal(t, c.intranetOK, intranet.Check(ip) == nil)
		})
	}
}

func TestParseAllowList(t *testing.T) {
	for _, bad := range []string{"10.0.0.0/33", "intranet", "10.0.0", "example.org"} {
		_, err := ParseAllowList([]string{bad})
		assert.Error(t, err, bad)
	}
	a, err := ParseAllowList([]string{" ", "private", "loopback", "0.0.0.0/0", "::/0"})
	require.NoError(t, err)
	assert.NoError(t, a.Check(netip.MustParseAddr("10.9.9.9")))
	assert.NoError(t, a.Check(netip.MustParseAddr("169.254.169.254")), "0.0.0.0/0 allows everything")
}

// The default policy refuses local servers, also behind a redirect from an
// allowed one, names the address and the flag that allows it, and never
// connects; allowing the network makes the same fetch work.
func TestFetchPolicy(t *testing.T) {
	var hits atomic.Int64
	local := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, articleHTML)
	}))
	t.Cleanup(local.Close)

	t.Run("refused by default", func(t *testing.T) {
		docs, errs := collect(t, New(Options{Timeout: time.Second}), local.URL+"/article")
		assert.Empty(t, docs)
		err := errs[local.URL+"/article"]
		require.Error(t, err)
		var be *BlockedError
		require.ErrorAs(t, err, &be)
		assert.Equal(t, "refusing to fetch "+local.URL+"/article: 127.0.0.1 is a loopback address; "+
			"allow it with --allow-network 127.0.0.0/8 (config ingest.allow_networks)", err.Error())
		assert.Zero(t, hits.Load(), "no connection was made")
	})

	t.Run("redirect to a refused address", func(t *testing.T) {
		// The front server on 127.0.0.2 is allowed; it redirects to
		// 127.0.0.1, which is not: the same dialer refuses the redirect.
		ln, err := net.Listen("tcp", "127.0.0.2:0")
		if err != nil {
			t.Skipf("no 127.0.0.2 on this machine: %v", err)
		}
		front := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, local.URL+"/article?token=s3cret", http.StatusFound)
		}))
		front.Listener.Close()
		front.Listener = ln
		front.Start()
		t.Cleanup(front.Close)
		allow, err := ParseAllowList([]string{"127.0.0.2"})
		require.NoError(t, err)
		docs, errs := collect(t, New(Options{Timeout: time.Second, Allow: allow}), front.URL+"/story")
		assert.Empty(t, docs)
		err = errs[front.URL+"/story"]
		require.Error(t, err)
		msg := err.Error()
		assert.Contains(t, msg, "refusing to fetch "+local.URL+"/article?token=REDACTED (redirected from "+front.URL+"/story)")
		assert.Contains(t, msg, "127.0.0.1 is a loopback address")
		assert.NotContains(t, msg, "s3cret")
		assert.Zero(t, hits.Load())
	})

	t.Run("allowed", func(t *testing.T) {
		docs, errs := collect(t, New(Options{Timeout: time.Second, Allow: loopback(t)}), local.URL+"/article")
		require.Empty(t, errs)
		require.Len(t, docs, 1)
		assert.Equal(t, int64(1), hits.Load())
	})
}

// Credentials in a URL never reach an error message (which does not repeat
// the URL: the item's Origin names it, redacted where it is shown).
func TestFetchErrorsRedacted(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(srv.Close)
	r := New(Options{Timeout: 300 * time.Millisecond, Allow: loopback(t)})
	withUser := strings.Replace(srv.URL, "http://", "http://bob:hunter2@", 1)
	closed := "http://127.0.0.1:1/feed?apikey=hunter2"
	for _, u := range []string{withUser + "/feed?apikey=hunter2", closed} {
		_, errs := collect(t, r, u)
		require.Len(t, errs, 1)
		for _, err := range errs {
			assert.NotContains(t, err.Error(), "hunter2")
			assert.NotContains(t, err.Error(), "bob")
		}
	}
	var se *StatusError
	_, errs := collect(t, r, withUser+"/feed?apikey=hunter2")
	require.True(t, errors.As(errs[withUser+"/feed?apikey=hunter2"], &se))
	assert.Equal(t, 404, se.Status)
}
