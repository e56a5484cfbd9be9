package extract

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/geokg/geokg/schema"
)

// WriteSummary writes a readable summary of d: actors with their roles,
// places, events as "who TYPE whom, where, when" and statements with their
// speakers.
func WriteSummary(w io.Writer, d schema.Document) error {
	bw := bufio.NewWriter(w)
	names := map[string]string{}
	for _, x := range d.Actors {
		names[x.ID] = x.Name
	}
	for _, l := range d.Locations {
		if _, ok := names[l.ID]; !ok {
			names[l.ID] = l.Name
		}
	}
	name := func(id string) string {
		if n, ok := names[id]; ok {
			return n
		}
		return id
	}
	list := func(ids []string) string {
		if len(ids) == 0 {
			return "?"
		}
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = name(id)
		}
		return strings.Join(out, " + ")
	}
	title := ""
	if d.Article.Title != nil {
		title = *d.Article.Title
	}
	fmt.Fprintf(bw, "Article %s %q\n", d.Article.ID, title)
	if d.Article.PublishedAt != nil {
		fmt.Fprintf(bw, "  published %s\n", *d.Article.PublishedAt)
	}
	fmt.Fprintf(bw, "\nActors (%d)\n", len(d.Actors))
	for _, x := range d.Actors {
		fmt.Fprintf(bw, "  %-12s %s", x.Kind, x.Name)
		if x.Country != nil && x.Kind != schema.KindCountry {
			fmt.Fprintf(bw, " [%s]", *x.Country)
		}
		for _, r := range x.Roles {
			if r.Of != "" {
				fmt.Fprintf(bw, " — %s of %s", r.Title, name(r.Of))
			} else {
				fmt.Fprintf(bw, " — %s", r.Title)
			}
		}
		fmt.Fprintf(bw, "  (%d mentions)\n", len(x.Mentions))
	}
	fmt.Fprintf(bw, "\nLocations (%d)\n", len(d.Locations))
	for _, l := range d.Locations {
		fmt.Fprintf(bw, "  %-8s %s", l.Kind, l.Name)
		if l.Country != nil {
			fmt.Fprintf(bw, " [%s]", *l.Country)
		}
		if l.Lat != nil && l.Lon != nil {
			fmt.Fprintf(bw, " (%.2f, %.2f)", *l.Lat, *l.Lon)
		}
		fmt.Fprintln(bw)
	}
	fmt.Fprintf(bw, "\nEvents (%d)\n", len(d.Events))
	for _, e := range d.Events {
		fmt.Fprintf(bw, "  %s %s %s", list(e.Source), e.Type, list(e.Target))
		if e.Cameo != nil {
			fmt.Fprintf(bw, " (CAMEO %s)", *e.Cameo)
		}
		if e.Location != nil {
			fmt.Fprintf(bw, ", in %s", name(*e.Location))
		}
		if e.Date != nil {
			fmt.Fprintf(bw, ", on %s", *e.Date)
		}
		if e.Fatalities != nil {
			fmt.Fprintf(bw, ", %d killed", *e.Fatalities)
		}
		for _, q := range e.Quantities {
			fmt.Fprintf(bw, ", %q", q.Text)
		}
		fmt.Fprintf(bw, "  [%.2f]\n", e.Confidence)
	}
	fmt.Fprintf(bw, "\nStatements (%d)\n", len(d.Statements))
	for _, s := range d.Statements {
		who := "?"
		if s.Speaker != nil {
			who = name(*s.Speaker)
		}
		t := s.Text
		if r := []rune(t); len(r) > 100 {
			t = string(r[:100]) + "…"
		}
		fmt.Fprintf(bw, "  %s (%s): %q\n", who, s.Kind, t)
	}
	return bw.Flush()
}
