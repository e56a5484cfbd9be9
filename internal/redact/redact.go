package redact

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"regexp"
	"strings"
)

// Mask replaces every redacted value.
const Mask = "REDACTED"

// secretNames are query parameter names (lower case, '-', '_' and '.'
// removed) whose values are credentials.
var secretNames = map[string]bool{
	"key": true, "sig": true, "sid": true, "pwd": true, "pass": true, "auth": true, "jwt": true,
	"authkey": true, "appkey": true, "accesskey": true, "secretkey": true, "privatekey": true, "licensekey": true,
	"session": true, "sessionid": true, "bearer": true, "authorization": true,
}

// secretSuffixes make any name ending in them secret too (x-amz-signature,
// client_secret, private_token, hub.verify_token, X-Api-Key).
var secretSuffixes = []string{"apikey", "token", "secret", "password", "passwd", "signature", "credential", "credentials"}

// IsSecretParam reports whether a query parameter of this name carries a
// credential.
func IsSecretParam(name string) bool {
	n := strings.ToLower(name)
	n = strings.NewReplacer("-", "", "_", "", ".", "").Replace(n)
	if secretNames[n] {
		return true
	}
	for _, w := range secretSuffixes {
		if strings.HasSuffix(n, w) {
			return true
		}
	}
	return false
}

// URL returns raw with its userinfo and the values of its secret query
// parameters replaced by Mask. Anything else, including a URL with no
// credentials, is returned unchanged.
func URL(raw string) string {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok || scheme == "" || strings.ContainsAny(scheme, "/?#@ ") {
		return redactQuery(raw)
	}
	// The authority ends at the first '/', '?' or '#'.
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	authority, tail := rest[:end], rest[end:]
	if at := strings.LastIndex(authority, "@"); at >= 0 {
		authority = Mask + "@" + authority[at+1:]
	}
	return scheme + "://" + authority + redactQuery(tail)
}

// URLs redacts each URL of a list (a new slice; nil stays nil).
func URLs(urls []string) []string {
	if urls == nil {
		return nil
	}
	out := make([]string, len(urls))
	for i, u := range urls {
		out[i] = URL(u)
	}
	return out
}

// redactQuery masks the secret parameter values of the query part of s (the
// text after the first '?', up to a '#').
func redactQuery(s string) string {
	q := strings.IndexByte(s, '?')
	if q < 0 {
		return s
	}
	query, frag := s[q+1:], ""
	if h := strings.IndexByte(query, '#'); h >= 0 {
		query, frag = query[:h], query[h:]
	}
	parts := strings.Split(query, "&")
	changed := false
	for i, p := range parts {
		name, value, _ := strings.Cut(p, "=")
		if dec, err := url.QueryUnescape(name); err == nil {
			name = dec
		}
		if value != "" && value != Mask && IsSecretParam(name) {
			parts[i] = p[:strings.IndexByte(p, '=')+1] + Mask
			changed = true
		}
	}
	if !changed {
		return s
	}
	return s[:q+1] + strings.Join(parts, "&") + frag
}

// urlPattern finds URLs inside text: a scheme, "://" and everything up to a
// space, a quote or an angle bracket.
var urlPattern = regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.\-]*://[^\s"'<>` + "`" + `]+`)

// Text returns s with every URL in it redacted (see URL).
func Text(s string) string {
	if !strings.Contains(s, "://") {
		return s
	}
	return urlPattern.ReplaceAllStringFunc(s, func(m string) string {
		// Punctuation after a URL belongs to the sentence ("fetch URL: …").
		core := strings.TrimRight(m, ".,:;)]}!")
		return URL(core) + m[len(core):]
	})
}

// Error returns err with a redacted message; errors.Is and errors.As still
// see the original chain. nil stays nil, and an error whose message has
// nothing to redact is returned as is.
func Error(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	red := Text(msg)
	if red == msg {
		return err
	}
	return &redacted{msg: red, err: err}
}

type redacted struct {
	msg string
	err error
}

func (e *redacted) Error() string { return e.msg }
func (e *redacted) Unwrap() error { return e.err }

// Hash is the identity of a full URL (or any key) where only its redacted
// form is stored: 32 hex digits of its SHA-256. Two URLs that differ only in
// their credentials redact alike but hash apart.
func Hash(full string) string {
	h := sha256.Sum256([]byte(full))
	return hex.EncodeToString(h[:16])
}
