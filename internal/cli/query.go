package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/extract/gazetteer"
	"github.com/geokg/geokg/graph"
)

func init() { extraCommands = append(extraCommands, newQueryCmd) }

// queryOutput is how a query's result is printed.
type queryOutput struct {
	json, csv, cypher, wide bool
}

func (o *queryOutput) flags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.BoolVar(&o.json, "json", false, "print JSON (an array of row objects; an object of such arrays for relations)")
	f.BoolVar(&o.csv, "csv", false, "print CSV with a header row")
	f.BoolVar(&o.cypher, "cypher", false, "print the Cypher and its parameters for Neo4j Browser instead of running it")
	f.BoolVar(&o.wide, "wide", false, "do not shorten long cells in the table")
}

func (o queryOutput) validate() error {
	n := 0
	for _, b := range []bool{o.json, o.csv, o.cypher} {
		if b {
			n++
		}
	}
	if n > 1 {
		return usageError{errors.New("choose one of --json, --csv and --cypher")}
	}
	return nil
}

func newQueryCmd(app *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "query",
		Short: "Canned questions about the graph: relations, officials, timelines, statements, places, top pairs",
		Long: `Query runs canned, parameterised Cypher against the graph and prints the answer
as an aligned table (default), JSON (--json) or CSV (--csv). With --cypher it
prints the statement, with the values written in, for pasting into Neo4j
Browser as it is: Browser runs it in one frame and draws its graph.

An actor may be named by its id (country:IRN), its name or any alias the
articles used ("US", "Washington", "the Kremlin", "Dehqan"); geokg also
looks the name up in its gazetteer and, last, in the actor_names full-text
index. How each name was resolved is reported on stderr.

A country stands for itself and for the persons holding a role in it
(its officials) in relations and statements.`,
		Example: `  geokg query relations Estonia Russia
  geokg query officials Estonia
  geokg query timeline Russia --from 2025-03-01 --type SANCTION
  geokg query statements --speaker Estonia --about Russia --search GPS
  geokg query near Narva --km 50
  geokg query top --type SANCTION --since 2025-03-01 --csv
  geokg query relations Tallinn Moscow --cypher`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newRelationsCmd(app), newOfficialsCmd(app), newTimelineCmd(app),
		newStatementsCmd(app), newNearCmd(app), newTopCmd(app))
	return cmd
}

func newRelationsCmd(app *App) *cobra.Command {
	var o queryOutput
	cmd := &cobra.Command{
		Use:   "relations A B",
		Short: "Everything between two actors: events by type over time, statements, shared partners, paths",
		Long: `Relations prints four tables about two actors A and B (each side being the
actor and the persons holding a role in it):

  events      events one side initiated against the other, by month and type
  statements  statements one side made about the other
  partners    actors both interact with (from the INTERACTS_WITH rollup)
  paths       the shortest connecting paths of up to 3 hops over events,
              statements, roles and places

With --cypher it prints instead one query for Neo4j Browser's graph view: the
two actors, the events and statements between them, the roles and the paths.
(The guide, 'geokg browser', has the four tables as Cypher too.)`,
		Example: `  geokg query relations Estonia Russia
  geokg query relations France Chad --json
  geokg query relations Tallinn Moscow --cypher   # paste into Neo4j Browser`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runQuery(cmd.Context(), app, o, func(ctx context.Context, r *resolver) ([]graph.Query, error) {
				a, err := r.actor(ctx, args[0])
				if err != nil {
					return nil, err
				}
				b, err := r.actor(ctx, args[1])
				if err != nil {
					return nil, err
				}
				if o.cypher {
					return []graph.Query{graph.RelationsGraphQuery(a, b)}, nil
				}
				return graph.RelationsQueries(a, b), nil
			})
		},
	}
	o.flags(cmd)
	return cmd
}

func newOfficialsCmd(app *App) *cobra.Command {
	var o queryOutput
	cmd := &cobra.Command{
		Use:   "officials COUNTRY",
		Short: "Persons holding a role in a country or its organisations, with first and last seen",
		Long: `Officials lists the persons holding a role in COUNTRY (or in one of its
organisations), the role as of the latest article stating it (as_of), and
the publication dates of the first and last article mentioning the person.`,
		Example: `  geokg query officials Estonia
  geokg query officials "the Kremlin" --csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runQuery(cmd.Context(), app, o, func(ctx context.Context, r *resolver) ([]graph.Query, error) {
				c, err := r.actor(ctx, args[0])
				if err != nil {
					return nil, err
				}
				return []graph.Query{graph.OfficialsQuery(c)}, nil
			})
		},
	}
	o.flags(cmd)
	return cmd
}

func newTimelineCmd(app *App) *cobra.Command {
	var o queryOutput
	var f graph.TimelineFilter
	var days dayRange
	cmd := &cobra.Command{
		Use:   "timeline ACTOR",
		Short: "Dated events an actor initiated or was targeted by, with their sources",
		Long: `Timeline lists the events ACTOR initiated or was the target of, oldest first,
with the other side, the place, the death toll, a summary and the URLs of
the articles reporting each event.

--from and --to take a date (2024-03-01) or an age (30d, 12w, 48h).
--type takes a PLOVER type (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID,
RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE,
COERCE, ASSAULT).`,
		Example: `  geokg query timeline Russia
  geokg query timeline Estonia --from 2025-03-01 --to 2025-03-31 --type SANCTION
  geokg query timeline "Rapid Support Forces" --from 2025-03-01 --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if f.From, f.To, err = days.parse(); err != nil {
				return err
			}
			if err := checkEventType(f.Type); err != nil {
				return err
			}
			return runQuery(cmd.Context(), app, o, func(ctx context.Context, r *resolver) ([]graph.Query, error) {
				a, err := r.actor(ctx, args[0])
				if err != nil {
					return nil, err
				}
				return []graph.Query{graph.TimelineQuery(a, f)}, nil
			})
		},
	}
	days.flags(cmd)
	cmd.Flags().StringVar(&f.Type, "type", "", "only events of this PLOVER type")
	cmd.Flags().IntVar(&f.Limit, "limit", 500, "at most this many rows")
	o.flags(cmd)
	return cmd
}

func newStatementsCmd(app *App) *cobra.Command {
	var o queryOutput
	var f graph.StatementFilter
	var speaker, about string
	var days dayRange
	cmd := &cobra.Command{
		Use:   "statements [--speaker X] [--about Y] [--search WORDS] [--from DATE|AGE] [--to DATE|AGE]",
		Short: "Statements by speaker, subject and words (full-text index)",
		Long: `Statements lists direct and reported quotes, newest first. --speaker and
--about take an actor (a country also covers the persons holding a role in
it). --search looks every word up in the statement_text full-text index and
ranks by relevance; Lucene syntax is taken literally. --from and --to take
a date (2024-03-01) or an age (30d, 12w, 48h).`,
		Example: `  geokg query statements --speaker Estonia
  geokg query statements --about Russia --search "GPS signals"
  geokg query statements --speaker Kask --json`,
		Args: cobra.ExactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if f.From, f.To, err = days.parse(); err != nil {
				return err
			}
			return runQuery(cmd.Context(), app, o, func(ctx context.Context, r *resolver) ([]graph.Query, error) {
				var err error
				if speaker != "" {
					if f.Speaker, err = r.actor(ctx, speaker); err != nil {
						return nil, err
					}
				}
				if about != "" {
					if f.About, err = r.actor(ctx, about); err != nil {
						return nil, err
					}
				}
				return []graph.Query{graph.StatementsQuery(f)}, nil
			})
		},
	}
	cmd.Flags().StringVar(&speaker, "speaker", "", "only statements by this actor (or its officials)")
	cmd.Flags().StringVar(&about, "about", "", "only statements about this actor (or its officials)")
	cmd.Flags().StringVar(&f.Search, "search", "", "words that must all appear in the statement")
	days.flags(cmd)
	cmd.Flags().IntVar(&f.Limit, "limit", 100, "at most this many rows")
	o.flags(cmd)
	return cmd
}

func newNearCmd(app *App) *cobra.Command {
	var o queryOutput
	var f graph.NearFilter
	var since string
	cmd := &cobra.Command{
		Use:   "near PLACE --km N [--since DATE|AGE]",
		Short: "Events within a distance of a place (point index)",
		Long: `Near lists the events that occurred at a location within --km kilometres of
PLACE, nearest first. PLACE is a location in the graph (by name or id), a
place the gazetteer knows, or "LAT,LON".`,
		Example: `  geokg query near Narva --km 50
  geokg query near Tallinn --km 300 --since 2025-03-01
  geokg query near 59.44,24.75 --km 250 --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.Km <= 0 {
				return usageError{errors.New("--km must be a positive distance")}
			}
			var err error
			if f.Since, err = dayFlag("since", since); err != nil {
				return err
			}
			return runQuery(cmd.Context(), app, o, func(ctx context.Context, r *resolver) ([]graph.Query, error) {
				p, err := r.place(ctx, args[0])
				if err != nil {
					return nil, err
				}
				f.Lat, f.Lon = p.Lat, p.Lon
				return []graph.Query{graph.NearQuery(f)}, nil
			})
		},
	}
	cmd.Flags().Float64Var(&f.Km, "km", 0, "radius in kilometres (required)")
	cmd.Flags().StringVar(&since, "since", "", "only events on or after this day (2024-03-01) or age (30d)")
	cmd.Flags().IntVar(&f.Limit, "limit", 500, "at most this many rows")
	o.flags(cmd)
	return cmd
}

func newTopCmd(app *App) *cobra.Command {
	var o queryOutput
	var f graph.TopFilter
	var since string
	cmd := &cobra.Command{
		Use:   "top [--type T] [--since 30d]",
		Short: "The most active pairs of actors",
		Long: `Top ranks pairs of actors by the number of events between them (either
direction), with the cooperation/conflict split on the PLOVER scale and the
first and last event dates.`,
		Example: `  geokg query top
  geokg query top --type SANCTION --since 2025-03-01
  geokg query top --since 2025-03-01 --limit 50 --csv`,
		Args: cobra.ExactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if f.Since, err = dayFlag("since", since); err != nil {
				return err
			}
			if err := checkEventType(f.Type); err != nil {
				return err
			}
			return runQuery(cmd.Context(), app, o, func(context.Context, *resolver) ([]graph.Query, error) {
				return []graph.Query{graph.TopQuery(f)}, nil
			})
		},
	}
	cmd.Flags().StringVar(&f.Type, "type", "", "only events of this PLOVER type")
	cmd.Flags().StringVar(&since, "since", "", "only events on or after this day (2024-03-01) or age (30d)")
	cmd.Flags().IntVar(&f.Limit, "limit", 20, "at most this many pairs")
	o.flags(cmd)
	return cmd
}

var eventTypes = map[string]bool{
	"AGREE": true, "CONSULT": true, "SUPPORT": true, "CONCEDE": true, "COOPERATE": true, "AID": true,
	"RETREAT": true, "REQUEST": true, "ACCUSE": true, "REJECT": true, "THREATEN": true, "PROTEST": true,
	"SANCTION": true, "MOBILIZE": true, "COERCE": true, "ASSAULT": true,
}

func checkEventType(t string) error {
	if t != "" && !eventTypes[strings.ToUpper(t)] {
		return usageError{fmt.Errorf("--type %q is not a PLOVER event type (e.g. ASSAULT, SANCTION, CONSULT)", t)}
	}
	return nil
}

var ageRE = regexp.MustCompile(`^(\d+)([hdwmy])$`)

// dayRange is the --from/--to pair of flags.
type dayRange struct{ from, to string }

func (d *dayRange) flags(cmd *cobra.Command) {
	cmd.Flags().StringVar(&d.from, "from", "", "first day (2024-03-01) or age (30d)")
	cmd.Flags().StringVar(&d.to, "to", "", "last day (2024-03-31) or age (7d)")
}

// parse returns the two days as YYYY-MM-DD ("" when not given).
func (d dayRange) parse() (from, to string, err error) {
	if from, err = dayFlag("from", d.from); err != nil {
		return "", "", err
	}
	if to, err = dayFlag("to", d.to); err != nil {
		return "", "", err
	}
	return from, to, nil
}

// parseSince turns "2024-03-01", an RFC 3339 time or an age ("30d", "12w",
// "6m", "1y", "48h") into a YYYY-MM-DD day; "" stays "".
// dayFlag parses the day or age given to --name; a bad one is a usage error.
func dayFlag(name, v string) (string, error) {
	d, err := parseSince(v, time.Now())
	if err != nil {
		return "", usageError{fmt.Errorf("--%s: %w", name, err)}
	}
	return d, nil
}

func parseSince(s string, now time.Time) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2006-01-02"), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC().Format("2006-01-02"), nil
	}
	m := ageRE.FindStringSubmatch(strings.ToLower(s))
	if m == nil {
		return "", fmt.Errorf("%q is neither a date (2024-03-01) nor an age (30d, 12w, 6m, 1y, 48h)", s)
	}
	n, _ := strconv.Atoi(m[1])
	now = now.UTC()
	var t time.Time
	switch m[2] {
	case "h":
		t = now.Add(-time.Duration(n) * time.Hour)
	case "d":
		t = now.AddDate(0, 0, -n)
	case "w":
		t = now.AddDate(0, 0, -7*n)
	case "m":
		t = now.AddDate(0, -n, 0)
	case "y":
		t = now.AddDate(-n, 0, 0)
	}
	return t.Format("2006-01-02"), nil
}

// resolver maps what a user typed to actor ids and coordinates, with the
// graph when it is reachable and the gazetteer as hints or fallback.
type resolver struct {
	store *graph.Store // nil: gazetteer only (for --cypher without Neo4j)
	gaz   *gazetteer.Gazetteer
	log   io.Writer
}

func (r *resolver) lookup(text string) []gazetteer.Entry {
	if r.gaz == nil {
		return nil
	}
	t := strings.TrimSpace(text)
	if e := r.gaz.LookupFold(t); len(e) > 0 {
		return e
	}
	for _, p := range []string{"the ", "The ", "THE "} {
		if rest, ok := strings.CutPrefix(t, p); ok {
			return r.gaz.LookupFold(rest)
		}
	}
	return nil
}

func (r *resolver) actor(ctx context.Context, text string) (string, error) {
	var hints []string
	for _, e := range r.lookup(text) {
		if e.Type != gazetteer.TypePlace {
			hints = append(hints, e.ID)
		}
	}
	if r.store == nil {
		if len(hints) > 0 {
			fmt.Fprintf(r.log, "resolved %q → %s (gazetteer)\n", text, hints[0])
			return hints[0], nil
		}
		return strings.TrimSpace(text), nil
	}
	ref, err := r.store.ResolveActor(ctx, text, hints)
	if err != nil {
		if errors.Is(err, graph.ErrNotFound) {
			return "", fmt.Errorf("no actor in the graph matches %q (try an id such as country:IRN, or 'geokg query statements --search')", text)
		}
		return "", err
	}
	fmt.Fprintf(r.log, "resolved %q → %s (%s) by %s\n", text, ref.Name, ref.ID, ref.Match)
	return ref.ID, nil
}

var latLonRE = regexp.MustCompile(`^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$`)

func (r *resolver) place(ctx context.Context, text string) (graph.PlaceRef, error) {
	if m := latLonRE.FindStringSubmatch(text); m != nil {
		lat, _ := strconv.ParseFloat(m[1], 64)
		lon, _ := strconv.ParseFloat(m[2], 64)
		if lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return graph.PlaceRef{}, usageError{fmt.Errorf("%q: latitude must be within ±90 and longitude within ±180", text)}
		}
		return graph.PlaceRef{Name: text, Lat: lat, Lon: lon}, nil
	}
	if r.store != nil {
		p, err := r.store.ResolvePlace(ctx, text)
		if err == nil {
			fmt.Fprintf(r.log, "resolved %q → %s (%s) at %.4f,%.4f\n", text, p.Name, p.ID, p.Lat, p.Lon)
			return p, nil
		}
		if !errors.Is(err, graph.ErrNotFound) {
			return graph.PlaceRef{}, err
		}
	}
	// The gazetteer: places before countries (whose point is a centroid).
	var best *gazetteer.Entry
	for _, e := range r.lookup(text) {
		if e.Lat == 0 && e.Lon == 0 {
			continue
		}
		if e.Type == gazetteer.TypePlace {
			best = &e
			break
		}
		if best == nil {
			best = &e
		}
	}
	if best == nil {
		return graph.PlaceRef{}, fmt.Errorf("no place matches %q (give LAT,LON instead)", text)
	}
	fmt.Fprintf(r.log, "resolved %q → %s (%s) at %.4f,%.4f by gazetteer\n", text, best.Name, best.ID, best.Lat, best.Lon)
	return graph.PlaceRef{ID: best.ID, Name: best.Name, Lat: best.Lat, Lon: best.Lon}, nil
}

// runQuery resolves names, builds the queries and prints them or their
// results.
func runQuery(ctx context.Context, app *App, o queryOutput, build func(context.Context, *resolver) ([]graph.Query, error)) error {
	if err := o.validate(); err != nil {
		return err
	}
	gaz, err := gazetteer.Default()
	if err != nil {
		app.Logger().Warn("gazetteer unavailable; names are resolved from the graph only", "err", err)
	}
	r := &resolver{gaz: gaz, log: app.Err}
	st, err := app.OpenStore(ctx)
	if err != nil {
		if !o.cypher {
			return err
		}
		app.Logger().Warn("Neo4j unreachable; names resolved with the gazetteer only", "err", err)
	} else {
		defer st.Close(context.WithoutCancel(ctx))
		r.store = st
	}
	qs, err := build(ctx, r)
	if err != nil {
		return err
	}
	if o.cypher {
		for i, q := range qs {
			if i > 0 {
				fmt.Fprintln(app.Out)
			}
			fmt.Fprint(app.Out, q.Browser())
		}
		return nil
	}
	tables, err := st.QueryAll(ctx, qs)
	if err != nil {
		return err
	}
	return writeTables(app.Out, tables, o)
}

func writeTables(w io.Writer, tables []graph.Table, o queryOutput) error {
	switch {
	case o.json:
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if len(tables) == 1 {
			return enc.Encode(tables[0].Maps())
		}
		obj := map[string]any{}
		for _, t := range tables {
			obj[t.Name] = t.Maps()
		}
		return enc.Encode(obj)
	case o.csv:
		for i, t := range tables {
			if len(tables) > 1 {
				if i > 0 {
					fmt.Fprintln(w)
				}
				fmt.Fprintf(w, "# %s\n", t.Name)
			}
			cw := csv.NewWriter(w)
			_ = cw.Write(t.Columns)
			for _, row := range t.Rows {
				rec := make([]string, len(row))
				for j, v := range row {
					rec[j] = cell(v, "; ")
				}
				_ = cw.Write(rec)
			}
			cw.Flush()
			if err := cw.Error(); err != nil {
				return fmt.Errorf("write csv: %w", err)
			}
		}
		return nil
	}
	for i, t := range tables {
		if len(tables) > 1 {
			if i > 0 {
				fmt.Fprintln(w)
			}
			fmt.Fprintf(w, "== %s\n", t.Title)
		}
		if len(t.Rows) == 0 {
			fmt.Fprintln(w, "(none)")
			continue
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, strings.ToUpper(strings.Join(t.Columns, "\t")))
		for _, row := range t.Rows {
			cells := make([]string, len(row))
			for j, v := range row {
				c := cell(v, ", ")
				if !o.wide && t.Columns[j] != "path" {
					c = shorten(c, 60)
				}
				cells[j] = c
			}
			fmt.Fprintln(tw, strings.Join(cells, "\t"))
		}
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("write table: %w", err)
		}
	}
	return nil
}

// cell renders a plain value for a table or CSV cell.
func cell(v any, sep string) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return strings.Join(strings.Fields(x), " ")
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = cell(e, sep)
		}
		return strings.Join(parts, sep)
	case map[string]any:
		b, _ := json.Marshal(x)
		return string(b)
	}
	return fmt.Sprint(v)
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
