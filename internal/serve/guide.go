package serve

import (
	"bytes"
	"fmt"
	"html/template"
	"net"
	"strings"

	"github.com/geokg/geokg/graph"
)

// guideSlide is one slide of the Browser guide.
type guideSlide struct {
	Title, Text string
	Queries     []graph.Query
}

// GuideSlides are the canned queries, with example parameters, as the
// Browser guide shows them.
func GuideSlides() []guideSlide {
	rel := graph.RelationsQueries("country:USA", "country:IRN")
	return []guideSlide{
		{Title: "Relations between two actors", Text: "The two actors, the events and statements between them " +
			"(a country also stands for the persons holding a role in it), the roles, and the shortest " +
			"connecting paths. Run the :param lines first, then the query; change the ids to any actor " +
			"(geokg query relations A B --cypher prints them for names such as \"US\" or \"Washington\").",
			Queries: []graph.Query{graph.RelationsGraphQuery("country:USA", "country:IRN")}},
		{Title: "Relations as tables", Text: "Events by month and type, statements, shared partners and paths, as geokg query relations prints them.",
			Queries: rel},
		{Title: "Officials of a country", Text: "Persons holding a role in the country or its organisations, as of the latest article, with first and last seen.",
			Queries: []graph.Query{graph.OfficialsQuery("country:IRN")}},
		{Title: "Timeline of an actor", Text: "Dated events the actor initiated or was targeted by, with their sources; from, to and type are optional (null).",
			Queries: []graph.Query{graph.TimelineQuery("country:IRN", graph.TimelineFilter{From: "2024-01-01"})}},
		{Title: "Statements", Text: "Statements by speaker and subject (ids or null), or by words in the statement_text full-text index.",
			Queries: []graph.Query{
				graph.StatementsQuery(graph.StatementFilter{Speaker: "country:IRN", About: "country:USA"}),
				graph.StatementsQuery(graph.StatementFilter{Search: "red line"}),
			}},
		{Title: "Events near a place", Text: "Events at locations within km of a point (the location_point index).",
			Queries: []graph.Query{graph.NearQuery(graph.NearFilter{Lat: 35.6892, Lon: 51.389, Km: 100})}},
		{Title: "Most active pairs", Text: "Pairs of actors by number of events between them, cooperation and conflict.",
			Queries: []graph.Query{graph.TopQuery(graph.TopFilter{Since: "2024-01-01"})}},
	}
}

var guideTmpl = template.Must(template.New("guide").Funcs(template.FuncMap{
	"params": func(q graph.Query) string {
		lines := strings.Split(strings.TrimSpace(q.Browser()), "\n")
		var out []string
		for _, l := range lines {
			if strings.HasPrefix(l, ":param ") {
				out = append(out, l)
			}
		}
		return strings.Join(out, "\n")
	},
	"cypher": func(q graph.Query) string { return strings.TrimSpace(q.Cypher) },
}).Parse(`<article class="guide">
  <carousel class="deck container-fluid">
    <slide class="row-fluid">
      <div class="col-sm-12">
        <h3>geokg: the canned queries</h3>
        <p class="lead">Relationships between countries, officials, organisations and groups, from news articles.</p>
        <p>Each slide shows a query of <code>geokg query</code> with example parameters. Click a block to put
        it in the editor, then run it. Load the style sheet first for colours and captions:
        <code>:style http://ADDR/browser/style.grass</code> (served by <code>geokg serve</code>).</p>
        <p>Colours: countries blue, persons orange, organisations teal, armed groups dark red, places green,
        events by PLOVER family (verbal cooperation light green, material cooperation green, verbal conflict
        amber, material conflict red), statements yellow, articles grey.</p>
      </div>
    </slide>
{{- range .}}
    <slide class="row-fluid">
      <div class="col-sm-12">
        <h3>{{.Title}}</h3>
        <p>{{.Text}}</p>
{{- range .Queries}}
        <h4>{{.Title}}</h4>
        <pre class="pre-scrollable code runnable">{{params .}}</pre>
        <pre class="pre-scrollable code runnable">{{cypher .}}</pre>
{{- end}}
      </div>
    </slide>
{{- end}}
  </carousel>
</article>
`))

// Guide renders the Browser guide of the canned queries, served at
// /browser/guide.html and printed by 'geokg browser --guide'. addr is the address serve listens on, shown in
// the :style hint; a loopback or unspecified host is written "localhost",
// which Neo4j's default remote-content allow-list accepts.
func Guide(addr string) ([]byte, error) {
	if host, port, err := net.SplitHostPort(addr); err == nil {
		if ip := net.ParseIP(host); host == "" || (ip != nil && (ip.IsLoopback() || ip.IsUnspecified())) {
			addr = net.JoinHostPort("localhost", port)
		}
	}
	var b bytes.Buffer
	if err := guideTmpl.Execute(&b, GuideSlides()); err != nil {
		return nil, fmt.Errorf("render guide: %w", err)
	}
	return bytes.ReplaceAll(b.Bytes(), []byte("http://ADDR/"), []byte("http://"+addr+"/")), nil
}
