package text

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is the main text and metadata extracted from an HTML page. Text is
// clean text (see Clean); PublishedAt is the date string as found in the
// page (parse it with timex.ParsePublished).
type Page struct{ Title, Text, PublishedAt, SiteName, URL string }

// maxReadabilityNodes bounds the page size handed to go-readability, whose
// scoring passes are slower than the heuristics here.
const maxReadabilityNodes = 20000

// ErrNoText is returned by FromHTML when a page has no text at all.
var ErrNoText = errors.New("no text in page")

// FromHTML extracts the main article text and metadata from an HTML page.
//
// Scripts, styles, navigation, headers, footers, asides, forms, comments,
// hidden elements and blocks whose class or id marks them as sharing,
// related links, comments, newsletters or ads are dropped. The main content
// is the <article>/articleBody element or, failing that, the element
// holding most of the paragraph text; go-readability is tried when those
// give little text, and all <p> text is the last resort. Paragraphs,
// headings, list items and blockquotes become paragraphs separated by blank
// lines. Title comes from og:title, <title> or <h1>; the publication date
// from article:published_time and similar metas, JSON-LD datePublished or
// <time datetime>; the site name from og:site_name.
func FromHTML(htmlText string, pageURL string) (Page, error) {
	doc, err := html.Parse(strings.NewReader(htmlText))
	if err != nil {
		// The parser refuses pathological nesting; the tokenizer does not.
		p := Page{URL: pageURL, Text: Clean("", tokenizerText(htmlText))}
		if p.Text == "" {
			return p, fmt.Errorf("parse html: %w", err)
		}
		return p, nil
	}
	x := newExtractor(doc)
	meta := x.metadata()
	p := Page{Title: meta.title, PublishedAt: meta.published, SiteName: meta.siteName, URL: pageURL}
	if p.URL == "" {
		p.URL = meta.url
	}

	body := x.mainText()
	if len([]rune(body)) < 250 && x.nodes <= maxReadabilityNodes {
		if rt := readabilityText(doc, p.URL); len(rt) > len(body) {
			body = rt
		}
	}
	if strings.TrimSpace(body) == "" {
		body = x.allParagraphs()
	}
	p.Text = Clean(p.Title, body)
	if p.Text == "" && p.Title == "" {
		return p, fmt.Errorf("extract html: %w", ErrNoText)
	}
	return p, nil
}

func readabilityText(doc *html.Node, pageURL string) (text string) {
	defer func() {
		if recover() != nil {
			text = ""
		}
	}()
	var u *nurl.URL
	if pageURL != "" {
		u, _ = nurl.Parse(pageURL)
	}
	parser := readability.NewParser()
	parser.MaxElemsToParse = maxReadabilityNodes
	art, err := parser.ParseDocument(doc, u)
	if err != nil || art.Node == nil {
		return ""
	}
	x := newExtractor(art.Node)
	var b strings.Builder
	x.renderRoot(&b, art.Node)
	return b.String()
}

// extractor holds per-node statistics of a parsed page.
type extractor struct {
	doc   *html.Node
	nodes int
	// ptext is the length of paragraph text (outside links) under a node.
	ptext map[*html.Node]int
	total int // ptext of the document, junk excluded
}

func newExtractor(doc *html.Node) *extractor {
	x := &extractor{doc: doc, ptext: map[*html.Node]int{}}
	x.total = x.measure(doc)
	return x
}

// measure computes ptext bottom-up without recursion depth problems: the
// HTML parser limits nesting, so plain recursion is safe.
func (x *extractor) measure(n *html.Node) int {
	x.nodes++
	if n.Type == html.ElementNode && (skipTag(n) || isHidden(n)) {
		return 0
	}
	if n.Type == html.ElementNode && (n.DataAtom == atom.P || n.DataAtom == atom.Pre) {
		l, _ := textLen(n)
		x.ptext[n] = l
		return l
	}
	sum := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sum += x.measure(c)
	}
	if sum > 0 {
		x.ptext[n] = sum
	}
	return sum
}

// textLen returns the length of the text under n and of its link text.
func textLen(n *html.Node) (all, links int) {
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			l := len(strings.TrimSpace(n.Data))
			all += l
			if inLink {
				links += l
			}
			return
		case html.ElementNode:
			if skipTag(n) || isHidden(n) {
				return
			}
			if n.DataAtom == atom.A {
				inLink = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	return all, links
}

// skipTag reports elements that never hold article text.
func skipTag(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Header, atom.Footer, atom.Aside,
		atom.Form, atom.Button, atom.Input, atom.Select, atom.Textarea, atom.Iframe, atom.Svg, atom.Canvas,
		atom.Object, atom.Embed, atom.Video, atom.Audio, atom.Map, atom.Figure, atom.Figcaption, atom.Dialog,
		atom.Menu, atom.Head, atom.Title, atom.Meta, atom.Link, atom.Label, atom.Picture, atom.Img, atom.Math:
		return true
	}
	if n.DataAtom == 0 && (n.Data == "svg" || n.Data == "math") {
		return true
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "banner", "contentinfo", "complementary", "dialog", "menu", "menubar", "search", "alert":
		return true
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	if st := attr(n, "style"); st != "" {
		s := strings.ToLower(strings.ReplaceAll(st, " ", ""))
		if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
			return true
		}
	}
	if t := attr(n, "type"); n.DataAtom == atom.Input && t == "hidden" {
		return true
	}
	return false
}

// junkWords in a class or id mark boilerplate blocks.
var junkWords = map[string]bool{
	"share": true, "sharing": true, "shares": true, "social": true, "sociallinks": true, "related": true,
	"comment": true, "comments": true, "newsletter": true, "subscribe": true, "subscription": true, "signup": true,
	"promo": true, "promotion": true, "advert": true, "advertisement": true, "ad": true, "ads": true, "adslot": true,
	"sponsor": true, "sponsored": true, "breadcrumb": true, "breadcrumbs": true, "cookie": true, "cookies": true,
	"consent": true, "popup": true, "modal": true, "menu": true, "nav": true, "navbar": true, "navigation": true,
	"sidebar": true, "footer": true, "masthead": true, "recommended": true, "recommendations": true,
	"trending": true, "popular": true, "outbrain": true, "taboola": true, "paywall": true, "toolbar": true,
	"byline": true, "author": true, "tags": true, "tag": true, "widget": true, "banner": true,
	"sronly": true, "skip": true, "seealso": true, "morestories": true, "relatedcontent": true, "disqus": true, "follow": true, "readmore": true,
	"teaser": true, "teasers": true, "caption": true, "credit": true, "credits": true, "dateline": true,
	"timestamp": true, "rating": true, "feedback": true, "toc": true, "pagination": true,
	"pager": true, "lightbox": true,
	"photo": true, "donate": true, "donation": true,
}

// isJunkBlock reports an element whose class or id marks boilerplate.
func isJunkBlock(n *html.Node) bool {
	for _, key := range [...]string{"class", "id", "data-component", "itemprop"} {
		v := attr(n, key)
		if v == "" {
			continue
		}
		if key == "itemprop" {
			if strings.EqualFold(v, "articleBody") || strings.EqualFold(v, "text") {
				return false
			}
			continue
		}
		if hasJunkWord(v) {
			return true
		}
	}
	return false
}

// hasJunkWord splits a class/id value into words (on spaces, '-', '_' and
// case changes) and looks them up; "sr-only" and "visually-hidden" count.
func hasJunkWord(v string) bool {
	if len(v) > 300 {
		v = v[:300]
	}
	lv := strings.ToLower(v)
	if strings.Contains(lv, "sr-only") || strings.Contains(lv, "visually-hidden") || strings.Contains(lv, "screen-reader") {
		return true
	}
	var buf [32]byte
	// Each class as one word with separators removed: "read-more", "ReadMore".
	for _, cls := range strings.Fields(v) {
		if len(cls) <= len(buf) {
			b := buf[:0]
			for i := 0; i < len(cls); i++ {
				c := cls[i]
				if c == '-' || c == '_' {
					continue
				}
				if c >= 'A' && c <= 'Z' {
					c += 32
				}
				b = append(b, c)
			}
			if junkWords[string(b)] {
				return true
			}
		}
	}
	start := 0
	for i := 0; i <= len(v); i++ {
		boundary := i == len(v)
		if !boundary {
			c := v[i]
			boundary = !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') ||
				c >= 'A' && c <= 'Z' && i > start && v[i-1] >= 'a' && v[i-1] <= 'z'
			if boundary && c >= 'A' && c <= 'Z' {
				// camelCase: the upper-case letter starts the next word
				if w := v[start:i]; len(w) <= len(buf) && junkWords[lowerInto(buf[:0], w)] {
					return true
				}
				start = i
				continue
			}
		}
		if boundary {
			if w := v[start:i]; w != "" && len(w) <= len(buf) && junkWords[lowerInto(buf[:0], w)] {
				return true
			}
			start = i + 1
		}
	}
	return false
}

func lowerInto(buf []byte, w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		buf = append(buf, c)
	}
	return string(buf)
}

// dominant reports a node holding most of the page's paragraph text: such a
// node is the content wrapper and is never dropped as junk.
func (x *extractor) dominant(n *html.Node) bool {
	return x.total > 0 && x.ptext[n]*2 > x.total
}

// mainText renders the main content element.
func (x *extractor) mainText() string {
	root := x.contentRoot()
	if root == nil {
		return ""
	}
	var b strings.Builder
	x.renderRoot(&b, root)
	return b.String()
}

// renderRoot renders a chosen content element, which is never junk itself.
func (x *extractor) renderRoot(b *strings.Builder, root *html.Node) {
	if root.Type != html.ElementNode {
		x.render(b, root)
		return
	}
	b.WriteString("\n\n")
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		x.render(b, c)
	}
	b.WriteString("\n\n")
}

// contentRoot picks the element holding the article: an articleBody or
// <article> element with a fair share of the text, otherwise the deepest
// element holding at least 60% of the paragraph text.
func (x *extractor) contentRoot() *html.Node {
	if x.total == 0 {
		return nil
	}
	var best *html.Node
	bestLen := 0
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if skipTag(n) || isHidden(n) {
				return
			}
			l := x.ptext[n]
			if l == 0 {
				return
			}
			ip := strings.ToLower(attr(n, "itemprop"))
			if (n.DataAtom == atom.Article || ip == "articlebody" || n.DataAtom == atom.Main) && l*10 >= x.total*3 {
				if l > bestLen || ip == "articlebody" && l*10 >= bestLen*7 {
					best, bestLen = n, l
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(x.doc)
	if best != nil {
		// Prefer a more specific articleBody inside an <article>/<main>.
		return best
	}
	n := x.doc
	for {
		var next *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && x.ptext[c]*10 >= x.total*6 {
				next = c
				break
			}
		}
		if next == nil || next.DataAtom == atom.P {
			return n
		}
		n = next
	}
}

// blockTags start a new paragraph when rendered.
func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Ul, atom.Ol,
		atom.Blockquote, atom.Section, atom.Article, atom.Main, atom.Pre, atom.Table, atom.Tr, atom.Dl, atom.Dt,
		atom.Dd, atom.Hr, atom.Address, atom.Details, atom.Summary, atom.Center, atom.Body, atom.Html, atom.Td, atom.Th:
		return true
	}
	return false
}

// render writes the text under n: blocks separated by blank lines, <br> as a
// newline, all other whitespace collapsed.
func (x *extractor) render(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		writeCollapsed(b, n.Data)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		if skipTag(n) || isHidden(n) {
			return
		}
		if n.DataAtom == atom.Br {
			b.WriteByte('\n')
			return
		}
		if isJunkBlock(n) && !x.dominant(n) {
			return
		}
		if isBlock(n) && !x.dominant(n) && linkHeavy(n) {
			return
		}
	}
	block := n.Type == html.ElementNode && isBlock(n)
	if block {
		b.WriteString("\n\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		x.render(b, c)
	}
	if block {
		b.WriteString("\n\n")
	}
}

// linkHeavy reports a block that is mostly link text (related links, tag
// lists, share buttons).
func linkHeavy(n *html.Node) bool {
	all, links := textLen(n)
	return all > 0 && links*10 >= all*7 && (all < 1000 || n.DataAtom == atom.Ul || n.DataAtom == atom.Ol)
}

func writeCollapsed(b *strings.Builder, s string) {
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(c)
	}
	if space {
		b.WriteByte(' ')
	}
}

// allParagraphs is the last resort: the text of every <p>.
func (x *extractor) allParagraphs() string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Noscript || n.DataAtom == atom.Template {
				return
			}
			if n.DataAtom == atom.P {
				b.WriteString("\n\n")
				var pb strings.Builder
				var inner func(*html.Node)
				inner = func(m *html.Node) {
					if m.Type == html.TextNode {
						writeCollapsed(&pb, m.Data)
					}
					for c := m.FirstChild; c != nil; c = c.NextSibling {
						inner(c)
					}
				}
				inner(n)
				b.WriteString(pb.String())
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(x.doc)
	if strings.TrimSpace(b.String()) == "" {
		// No paragraphs at all: the body's text.
		x2 := &extractor{doc: x.doc, ptext: map[*html.Node]int{}}
		b.Reset()
		x2.render(&b, x.doc)
	}
	return b.String()
}

// ---- metadata ----

type pageMeta struct {
	title, published, siteName, url string
}

func (x *extractor) metadata() pageMeta {
	var m pageMeta
	var ogTitle, twTitle, docTitle, h1, timeDT, canonical string
	metaDates := map[string]string{}
	var ld []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				if key == "" {
					key = strings.ToLower(attr(n, "itemprop"))
				}
				val := strings.TrimSpace(attr(n, "content"))
				if val == "" {
					break
				}
				switch key {
				case "og:title":
					ogTitle = val
				case "twitter:title":
					twTitle = val
				case "og:site_name":
					m.siteName = val
				case "application-name":
					if m.siteName == "" {
						m.siteName = val
					}
				case "og:url":
					if canonical == "" {
						canonical = val
					}
				case "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
					"publish-date", "published_time", "date", "dc.date.issued", "dc.date", "dcterms.date",
					"sailthru.date", "parsely-pub-date", "article.published", "publication_date", "citation_publication_date":
					if _, ok := metaDates[key]; !ok {
						metaDates[key] = val
					}
				}
			case atom.Title:
				if docTitle == "" && n.FirstChild != nil {
					docTitle = textOf(n)
				}
			case atom.H1:
				if h1 == "" {
					h1 = textOf(n)
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					canonical = attr(n, "href")
				}
			case atom.Time:
				if timeDT == "" {
					timeDT = strings.TrimSpace(attr(n, "datetime"))
				}
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate") {
					if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" {
						metaDates["datepublished"] = dt
					}
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil && len(ld) < 8 {
					ld = append(ld, n.FirstChild.Data)
				}
				return
			case atom.Style:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(x.doc)

	var ldDate, ldHeadline, ldPublisher string
	for _, s := range ld {
		d, h, p := jsonLD(s)
		if ldDate == "" {
			ldDate = d
		}
		if ldHeadline == "" {
			ldHeadline = h
		}
		if ldPublisher == "" {
			ldPublisher = p
		}
	}
	if m.siteName == "" {
		m.siteName = ldPublisher
	}

	switch {
	case ogTitle != "":
		m.title = ogTitle
	case twTitle != "":
		m.title = twTitle
	case ldHeadline != "":
		m.title = ldHeadline
	case docTitle != "":
		m.title = stripSiteSuffix(docTitle, m.siteName, h1)
	default:
		m.title = h1
	}
	m.title = strings.Join(strings.Fields(m.title), " ")

	for _, k := range []string{"article:published_time", "og:published_time", "datepublished", "published_time",
		"parsely-pub-date", "sailthru.date", "dc.date.issued", "pubdate", "publishdate", "publish-date",
		"article.published", "publication_date", "citation_publication_date", "dcterms.date", "dc.date", "date"} {
		if v := metaDates[k]; v != "" {
			m.published = v
			break
		}
	}
	if m.published == "" {
		m.published = ldDate
	}
	if m.published == "" {
		m.published = timeDT
	}
	m.url = canonical
	return m
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			writeCollapsed(&b, n.Data)
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// stripSiteSuffix removes " | Site", " - Site" from a <title>.
func stripSiteSuffix(t, site, h1 string) string {
	t = strings.Join(strings.Fields(t), " ")
	for _, sep := range []string{" | ", " - ", " — ", " – ", " :: ", " · "} {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := t[:i], t[i+len(sep):]
		if site != "" && strings.EqualFold(tail, site) || h1 != "" && strings.EqualFold(head, h1) ||
			len(strings.Fields(tail)) <= 3 && len(strings.Fields(head)) >= 4 {
			return head
		}
	}
	return t
}

// jsonLD finds datePublished, headline and publisher.name in a JSON-LD
// script (objects, arrays and @graph).
func jsonLD(s string) (date, headline, publisher string) {
	s = strings.TrimSpace(s)
	if len(s) > 1<<20 {
		return
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	if dec.Decode(&v) != nil {
		return
	}
	var walk func(any, int)
	walk = func(v any, depth int) {
		if depth > 6 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				walk(e, depth+1)
			}
		case map[string]any:
			if d, ok := t["datePublished"].(string); ok && date == "" {
				date = strings.TrimSpace(d)
			}
			if h, ok := t["headline"].(string); ok && headline == "" {
				headline = strings.TrimSpace(h)
			}
			if p, ok := t["publisher"].(map[string]any); ok && publisher == "" {
				if name, ok := p["name"].(string); ok {
					publisher = strings.TrimSpace(name)
				}
			}
			if g, ok := t["@graph"]; ok {
				walk(g, depth+1)
			}
		}
	}
	walk(v, 0)
	return
}

// tokenizerText is a streaming fallback for pages the tree parser rejects:
// the text outside scripts, styles and other skipped elements, with block
// tags as paragraph breaks.
func tokenizerText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				writeCollapsed(&b, string(z.Text()))
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			tt := z.Token()
			n := &html.Node{Type: html.ElementNode, DataAtom: tt.DataAtom, Data: tt.Data}
			switch tt.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Header, atom.Footer, atom.Aside,
				atom.Form, atom.Head, atom.Svg, atom.Select, atom.Textarea, atom.Button, atom.Figcaption:
				if tt.Type == html.StartTagToken {
					skip++
				} else if tt.Type == html.EndTagToken && skip > 0 {
					skip--
				}
			}
			if tt.DataAtom == atom.Br {
				b.WriteByte('\n')
			} else if isBlock(n) {
				b.WriteString("\n\n")
			}
		}
	}
}
