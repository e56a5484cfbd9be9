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
	// The example parameters name what the sample articles (seeds/articles,
	// 'make demo') contain, so every block returns rows on the demo graph;
	// a test runs them there.
	rel := graph.RelationsQueries("country:JPN", "country:PRK")
	return []guideSlide{
		{Title: "Relations between two actors", Text: "The two actors, the events and statements between them " +
			"(a country also stands for the persons holding a role in it), the roles, and the shortest " +
			"connecting paths. Run the :params block first, then the query; change the ids to any actor " +
			"(geokg query relations A B --cypher prints the query for names such as \"Tallinn\" or \"the Kremlin\").",
			Queries: []graph.Query{graph.RelationsGraphQuery("country:EST", "country:RUS")}},
		{Title: "Relations as tables", Text: "Events by month and type, statements, shared partners and paths, as geokg query relations prints them.",
			Queries: rel},
		{Title: "Officials of a country", Text: "Persons holding a role in the country or its organisations, as of the latest article, with first and last seen.",
			Queries: []graph.Query{graph.OfficialsQuery("country:EST")}},
		{Title: "Timeline of an actor", Text: "Dated events the actor initiated or was targeted by, with their sources; from, to and type are optional (null).",
			Queries: []graph.Query{graph.TimelineQuery("country:RUS", graph.TimelineFilter{From: "2025-03-01"})}},
		{Title: "Statements", Text: "Statements by speaker and subject (ids or null), or by words in the statement_text full-text index.",
			Queries: []graph.Query{
				graph.StatementsQuery(graph.StatementFilter{Speaker: "country:EST", About: "country:RUS"}),
				graph.StatementsQuery(graph.StatementFilter{Search: "civil aviation"}),
			}},
		{Title: "Events near a place", Text: "Events at locations within km of a point (the location_point index); here 300 km of Tallinn.",
			Queries: []graph.Query{graph.NearQuery(graph.NearFilter{Lat: 59.437, Lon: 24.7535, Km: 300})}},
		{Title: "Most active pairs", Text: "Pairs of actors by number of events between them, cooperation and conflict.",
			Queries: []graph.Query{graph.TopQuery(graph.TopFilter{Since: "2025-03-01"})}},
	}
}

var guideTmpl = template.Must(template.New("guide").Funcs(template.FuncMap{
	"params": func(q graph.Query) string { return q.BrowserParams() },
	"cypher": func(q graph.Query) string { return strings.TrimSpace(q.Cypher) },
}).Parse(`<article class="guide">
  <carousel class="deck container-fluid">
    <slide class="row-fluid">
      <div class="col-sm-12">
        <h3>geokg: the canned queries</h3>
        <p class="lead">Relationships between countries, officials, organisations and groups, from news articles.</p>
        <p>Each slide shows a query of <code>geokg query</code> with example parameters from the sample
        articles. Click a block to put it in the editor, then run it: first the <code>:params</code> block,
        then the query. Load the style sheet first for colours and captions:
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
