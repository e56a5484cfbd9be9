package source

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

type pageMeta struct {
	title, published, canonical, site string
}

// htmlMeta reads the title, publication date, canonical URL and site name
// a page declares in its head (Open Graph, article:*, schema-ish meta,
// <time datetime>).
func htmlMeta(s string) pageMeta {
	var m pageMeta
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
	if err != nil {
		return m
	}
	metaContent := func(keys ...string) string {
		for _, k := range keys {
			var v string
			doc.Find("meta").EachWithBreak(func(_ int, sel *goquery.Selection) bool {
				for _, attr := range []string{"property", "name", "itemprop"} {
					if a, ok := sel.Attr(attr); ok && strings.EqualFold(a, k) {
						v = strings.TrimSpace(sel.AttrOr("content", ""))
						if v != "" {
							return false
						}
					}
				}
				return true
			})
			if v != "" {
				return v
			}
		}
		return ""
	}
	m.title = metaContent("og:title", "twitter:title")
	if m.title == "" {
		m.title = strings.TrimSpace(doc.Find("title").First().Text())
	}
	if m.title == "" {
		m.title = strings.TrimSpace(doc.Find("h1").First().Text())
	}
	m.published = metaContent("article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "og:published_time")
	if m.published == "" {
		m.published = strings.TrimSpace(doc.Find("time[datetime]").First().AttrOr("datetime", ""))
	}
	m.site = metaContent("og:site_name")
	if c, ok := doc.Find(`link[rel="canonical"]`).First().Attr("href"); ok && IsURL(c) {
		m.canonical = strings.TrimSpace(c)
	}
	return m
}
