package pipeline

import (
	"fmt"
	"io"
	"time"
)

// Print writes the human summary of a run.
func (s Summary) Print(w io.Writer) {
	if s.DryRun {
		fmt.Fprintf(w, "dry run: %d articles extracted, %d failed, nothing written (%s, %.1f articles/s)\n",
			s.Articles, s.Failed, s.Elapsed.Round(time.Millisecond), s.Rate())
	} else {
		fmt.Fprintf(w, "articles: %d new, %d updated, %d unchanged, %d failed", s.New, s.Updated, s.Unchanged, s.Failed)
		if s.Pruned > 0 {
			fmt.Fprintf(w, ", %d pruned (their files are gone)", s.Pruned)
		}
		fmt.Fprintln(w)
		g := s.Graph
		fmt.Fprintf(w, "graph: %d nodes created, %d deleted; %d relationships created, %d deleted; %d properties set\n",
			g.NodesCreated, g.NodesDeleted, g.RelsCreated, g.RelsDeleted, g.PropertiesSet)
		perSec := 0.0
		if s.Elapsed > 0 {
			perSec = float64(g.NodesCreated+g.RelsCreated) / s.Elapsed.Seconds()
		}
		fmt.Fprintf(w, "time: %s, %.1f articles/s, %.0f nodes+relationships/s\n", s.Elapsed.Round(time.Millisecond), s.Rate(), perSec)
	}
	for _, n := range s.NotPruned {
		fmt.Fprintf(w, "not pruned: %s: %s\n", n.Spec, n.Reason)
	}
	for _, f := range s.Failures {
		fmt.Fprintf(w, "failed: %s: %v\n", f.Origin, f.Err)
	}
}
