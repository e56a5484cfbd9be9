package redact

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestURL(t *testing.T) {
	cases := []struct{ in, want string }{
		{"https://example.org/world/rss.xml", "https://example.org/world/rss.xml"},
		{"https://user:tok3n@feeds.example.org/rss", "https://REDACTED@feeds.example.org/rss"},
		{"https://tok3n@feeds.example.org", "https://REDACTED@feeds.example.org"},
		{"https://feeds.example.org/rss?apikey=s3cret&lang=en", "https://feeds.example.org/rss?apikey=REDACTED&lang=en"},
		{"https://x.example/a?lang=en&api_key=1&Token=2#top", "https://x.example/a?lang=en&api_key=REDACTED&Token=REDACTED#top"},
		{"https://s3.example/o?X-Amz-Credential=AK%2F1&X-Amz-Signature=ab12&X-Amz-Date=1", "https://s3.example/o?X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED&X-Amz-Date=1"},
		{"https://x.example/?client_secret=a&access_token=b&password=c&sig=d&key=e", "https://x.example/?client_secret=REDACTED&access_token=REDACTED&password=REDACTED&sig=REDACTED&key=REDACTED"},
		{"https://x.example/?id=1&page=2&monkey=3&keyword=war", "https://x.example/?id=1&page=2&monkey=3&keyword=war"},
		{"https://evil.example/x?id=1'}) DETACH DELETE n //", "https://evil.example/x?id=1'}) DETACH DELETE n //"},
		{"https://x.example/?token=", "https://x.example/?token="},
		{"https://x.example/path@not-userinfo?q=1", "https://x.example/path@not-userinfo?q=1"},
		{"bolt://neo4j:geokgpassword@db:7687", "bolt://REDACTED@db:7687"},
		{"neo4j+s://u:p%40ss@db.example:7687?policy=x", "neo4j+s://REDACTED@db.example:7687?policy=x"},
		{"/data/articles", "/data/articles"},
		{"file:/data/a.txt", "file:/data/a.txt"},
		{"", ""},
		{"not a url?token=x", "not a url?token=REDACTED"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got := URL(c.in)
			assert.Equal(t, c.want, got)
			assert.Equal(t, got, URL(got), "redaction is idempotent")
		})
	}
}

func TestText(t *testing.T) {
	msg := `fetch https://u:pw@x.example/feed?apikey=k1: Get "https://u:pw@x.example/feed?apikey=k1": dial tcp: lookup x.example: no such host`
	got := Text(msg)
	assert.NotContains(t, got, "pw")
	assert.NotContains(t, got, "k1")
	assert.Equal(t, `fetch https://REDACTED@x.example/feed?apikey=REDACTED: Get "https://REDACTED@x.example/feed?apikey=REDACTED": dial tcp: lookup x.example: no such host`, got)
	assert.Equal(t, "no URL here", Text("no URL here"))
}

func TestError(t *testing.T) {
	assert.NoError(t, Error(nil))
	plain := errors.New("plain")
	assert.Same(t, plain, Error(plain), "nothing to redact: the same error")

	base := fmt.Errorf("fetch https://x.example/?token=t0k: %w", context.DeadlineExceeded)
	err := Error(base)
	assert.Equal(t, "fetch https://x.example/?token=REDACTED: context deadline exceeded", err.Error())
	assert.ErrorIs(t, err, context.DeadlineExceeded, "the chain is kept")
}

func TestHash(t *testing.T) {
	a, b := "https://x.example/rss?token=one", "https://x.example/rss?token=two"
	assert.Equal(t, URL(a), URL(b))
	assert.NotEqual(t, Hash(a), Hash(b), "two tokens are two identities")
	assert.Equal(t, Hash(a), Hash(a))
	assert.Len(t, Hash(a), 32)
}

func FuzzURL(f *testing.F) {
	for _, s := range []string{"https://u:p@h/?token=1", "bolt://a@b", "x?key=1&key=2", "://@?&=#"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := URL(s)
		assert.Equal(t, got, URL(got), "idempotent")
		if !strings.Contains(s, "@") && !strings.Contains(s, "?") {
			assert.Equal(t, s, got, "nothing to redact, nothing changed")
		}
	})
}

func TestHandler(t *testing.T) {
	var buf strings.Builder
	log := slog.New(Handler(slog.NewTextHandler(&buf, nil))).With("feed", "https://u:pw1@x.example/rss")
	log.Warn("fetch https://x.example/?token=pw2 failed", "err", errors.New(`Get "https://x.example/?apikey=pw3": EOF`),
		"source", "https://x.example/?sig=pw4", slog.Group("g", "u", "https://x.example/?password=pw5"), "n", 3)
	out := buf.String()
	for _, secret := range []string{"pw1", "pw2", "pw3", "pw4", "pw5"} {
		assert.NotContains(t, out, secret)
	}
	assert.Contains(t, out, "n=3")
	assert.Contains(t, out, "REDACTED")
}
