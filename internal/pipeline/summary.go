package pipeline

import (
	"fmt"
	"io"
	"time"
)

// minRateElapsed is the shortest run whose rate is worth printing: below it
// the figure measures start-up, not throughput.
const minRateElapsed = time.Second

// Print writes the human summary of a run: counts, what the graph gained
// (when anything was written) and the time, with rates only when articles
// were processed for at least a second. Failed items are not listed: each
// was logged once, as it happened.
func (s Summary) Print(w io.Writer) {
	showRate := s.Articles > 0 && s.Elapsed >= minRateElapsed
	elapsed := s.Elapsed.Round(time.Millisecond)
	if s.DryRun {
		fmt.Fprintf(w, "dry run: %d articles extracted, %d failed, nothing written (%s", s.Articles, s.Failed, elapsed)
		if showRate {
			fmt.Fprintf(w, ", %.1f articles/s", s.Rate())
		}
		fmt.Fprintln(w, ")")
		return
	}
	fmt.Fprintf(w, "articles: %d new, %d updated, %d unchanged, %d failed", s.New, s.Updated, s.Unchanged, s.Failed)
	if s.Pruned > 0 {
		fmt.Fprintf(w, ", %d pruned (their files are gone)", s.Pruned)
	}
	fmt.Fprintln(w)
	g := s.Graph
	if g.NodesCreated+g.NodesDeleted+g.RelsCreated+g.RelsDeleted+g.PropertiesSet > 0 {
		fmt.Fprintf(w, "graph: %d nodes created, %d deleted; %d relationships created, %d deleted; %d properties set\n",
			g.NodesCreated, g.NodesDeleted, g.RelsCreated, g.RelsDeleted, g.PropertiesSet)
	}
	for _, n := range s.NotPruned {
		fmt.Fprintf(w, "not pruned: %s: %s\n", n.Spec, n.Reason)
	}
	fmt.Fprintf(w, "time: %s", elapsed)
	if showRate {
		fmt.Fprintf(w, ", %.1f articles/s", s.Rate())
		if n := g.NodesCreated + g.RelsCreated; n > 0 {
			fmt.Fprintf(w, ", %.0f nodes+relationships/s", float64(n)/s.Elapsed.Seconds())
		}
	}
	fmt.Fprintln(w)
}
