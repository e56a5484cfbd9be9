package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/extract"
	"github.com/geokg/geokg/extract/timex"
	"github.com/geokg/geokg/schema"
)

func init() { extraCommands = append(extraCommands, newExtractCmd) }

type extractOptions struct {
	json      bool
	published string
	title     string
	url       string
}

func newExtractCmd(app *App) *cobra.Command {
	var o extractOptions
	cmd := &cobra.Command{
		Use:   "extract [flags] FILE... | -",
		Short: "Extract actors, places, events and statements from articles (no Neo4j needed)",
		Long: `Extract reads each article (plain text, HTML, or JSON {url,title,published_at,text|html};
'-' reads one article from standard input) and prints what geokg finds in it:
actors with their roles, locations, events ("who TYPE whom, where, when") and
statements with their speakers.

With --json it prints, for each article, one JSON object per line in the
extraction contract format (the same value 'geokg ingest' writes). Relative
dates ("on Friday", "yesterday") are resolved against --published, or the
article's own publication date when it has one.

An article that cannot be read is reported on stderr and skipped; the exit
code is 3 when some failed.`,
		Example: `  geokg extract article.txt
  geokg extract --json --published 2017-04-12 article.txt > article.json
  geokg extract --json seeds/articles/*.json
  curl -s https://example.org/story.html | geokg extract --url https://example.org/story.html -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.published != "" {
				if _, err := timex.ParsePublished(o.published); err != nil {
					return usageError{fmt.Errorf("--published %q: %w", o.published, err)}
				}
			}
			return runExtract(cmd.Context(), app, o, args)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.json, "json", false, "print the extraction contract JSON, one object per line")
	f.StringVar(&o.published, "published", "", "publication date (2017-04-12 or RFC 3339) for resolving relative dates")
	f.StringVar(&o.title, "title", "", "article title (overrides the one in the input)")
	f.StringVar(&o.url, "url", "", "article URL (overrides the one in the input)")
	return cmd
}

func runExtract(ctx context.Context, app *App, o extractOptions, args []string) error {
	c := app.Config().Extract
	ex, err := extract.New(extract.Options{GeoNamesCities: c.GeoNamesCities, GeoNamesAdmin1: c.GeoNamesAdmin1, GeoNamesAll: c.GeoNamesAll})
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	out := bufio.NewWriter(app.Out)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	failed := 0
	for i, name := range args {
		doc, err := extractOne(ctx, ex, app.In, name, o, c.Timeout)
		if err != nil {
			failed++
			app.Logger().Error("extract failed", "source", name, "err", err)
			continue
		}
		if o.json {
			err = enc.Encode(doc)
		} else {
			if len(args) > 1 {
				if i > 0 {
					fmt.Fprintln(out)
				}
				fmt.Fprintf(out, "== %s\n", name)
			}
			err = extract.WriteSummary(out, doc)
		}
		if err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d of %d article(s) could not be extracted", ErrSomeFailed, failed, len(args))
	}
	return nil
}

func extractOne(ctx context.Context, ex *extract.Extractor, stdin io.Reader, name string, o extractOptions, timeout time.Duration) (doc schema.Document, err error) {
	var data []byte
	if name == "-" {
		data, err = io.ReadAll(io.LimitReader(stdin, 64<<20))
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return doc, fmt.Errorf("read %s: %w", name, err)
	}
	in, err := extract.ReadInput(name, data)
	if err != nil {
		return doc, err
	}
	if o.published != "" {
		in.PublishedAt = o.published
	}
	if o.title != "" {
		in.Title = o.title
	}
	if o.url != "" {
		in.URL = o.url
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	return ex.Extract(ctx, in)
}
