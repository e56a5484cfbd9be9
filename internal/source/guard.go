package source

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"syscall"
	"time"
)

// Fetch policy: geokg connects only to public addresses unless the
// allow-list names the network. The check runs in the dialer, on the
// address actually dialled after DNS resolution, so it holds for every
// connection: the first request, each redirect, each feed item, and a name
// that resolves to a private address (DNS rebinding included).

// special is a non-public range and what to call it.
type special struct {
	prefix netip.Prefix
	kind   string // "loopback", "private", "link-local", ...
}

var specials = func() []special {
	rows := []struct{ cidr, kind string }{
		{"127.0.0.0/8", "loopback"},
		{"::1/128", "loopback"},
		{"10.0.0.0/8", "private"},
		{"172.16.0.0/12", "private"},
		{"192.168.0.0/16", "private"},
		{"fc00::/7", "private"},
		{"169.254.0.0/16", "link-local"},
		{"fe80::/10", "link-local"},
		{"100.64.0.0/10", "shared (carrier-grade NAT)"},
		{"0.0.0.0/8", "unspecified"},
		{"::/128", "unspecified"},
		{"192.0.0.0/24", "reserved"},
		{"192.0.2.0/24", "documentation"},
		{"198.18.0.0/15", "benchmarking"},
		{"198.51.100.0/24", "documentation"},
		{"203.0.113.0/24", "documentation"},
		{"2001:db8::/32", "documentation"},
		{"240.0.0.0/4", "reserved"},
		{"224.0.0.0/4", "multicast"},
		{"ff00::/8", "multicast"},
		{"64:ff9b:1::/48", "private"},
	}
	out := make([]special, len(rows))
	for i, r := range rows {
		out[i] = special{netip.MustParsePrefix(r.cidr), r.kind}
	}
	return out
}()

var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// networkNames are the words accepted in an allow-list besides CIDRs and
// addresses.
var networkNames = map[string][]string{
	"loopback":   {"127.0.0.0/8", "::1/128"},
	"private":    {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"},
	"link-local": {"169.254.0.0/16", "fe80::/10"},
}

// AllowList is the set of non-public networks geokg may fetch from. The
// zero value allows public addresses only.
type AllowList struct {
	prefixes []netip.Prefix
}

// ParseAllowList reads networks given as CIDRs ("10.1.0.0/16"), addresses
// ("10.1.2.3") or the names "loopback", "private" and "link-local".
func ParseAllowList(specs []string) (AllowList, error) {
	var a AllowList
	for _, s := range specs {
		s = strings.TrimSpace(s)
		switch {
		case s == "":
			continue
		case networkNames[strings.ToLower(s)] != nil:
			for _, c := range networkNames[strings.ToLower(s)] {
				a.prefixes = append(a.prefixes, netip.MustParsePrefix(c))
			}
		case strings.Contains(s, "/"):
			p, err := netip.ParsePrefix(s)
			if err != nil {
				return AllowList{}, fmt.Errorf("network %q: want a CIDR such as 10.0.0.0/8, an address, or loopback, private, link-local", s)
			}
			a.prefixes = append(a.prefixes, p.Masked())
		default:
			ip, err := netip.ParseAddr(s)
			if err != nil {
				return AllowList{}, fmt.Errorf("network %q: want a CIDR such as 10.0.0.0/8, an address, or loopback, private, link-local", s)
			}
			a.prefixes = append(a.prefixes, netip.PrefixFrom(ip.Unmap(), ip.Unmap().BitLen()))
		}
	}
	return a, nil
}

// BlockedError is a connection refused by the fetch policy.
type BlockedError struct {
	Addr netip.Addr
	// Kind says why the address is not public ("private", "loopback", ...).
	Kind string
	// Allow is the network to allow to reach it.
	Allow string
}

func (e *BlockedError) Error() string {
	return fmt.Sprintf("%s is a %s address; allow it with --allow-network %s (config ingest.allow_networks)", e.Addr, e.Kind, e.Allow)
}

// Check returns a *BlockedError when ip is not public and not allowed.
func (a AllowList) Check(ip netip.Addr) error {
	ip = ip.Unmap()
	// NAT64 addresses reach the IPv4 address they embed.
	if nat64.Contains(ip) {
		b := ip.As16()
		ip = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	}
	kind, allow := classify(ip)
	if kind == "" {
		return nil
	}
	for _, p := range a.prefixes {
		if p.Contains(ip) {
			return nil
		}
	}
	return &BlockedError{Addr: ip, Kind: kind, Allow: allow}
}

// classify returns the kind of a non-public address and the network that
// would allow it ("" for a public address).
func classify(ip netip.Addr) (kind, allow string) {
	for _, s := range specials {
		if s.prefix.Contains(ip) {
			return s.kind, s.prefix.String()
		}
	}
	return "", ""
}

// control is the dialer hook that enforces the allow-list on the address
// being dialled.
func (a AllowList) control(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("fetch policy: %w", err)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("fetch policy: %q is not an IP address", host)
	}
	return a.Check(ip)
}

// NewTransport is an HTTP transport (http.DefaultTransport's settings) whose
// every connection obeys the allow-list. With a proxy from the environment
// (HTTPS_PROXY, HTTP_PROXY) the connection checked is the one to the proxy.
func NewTransport(allow AllowList) *http.Transport {
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Control: allow.control}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = d.DialContext
	return t
}
