package pipeline

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/geokg/geokg/graph"
)

func TestSummaryPrint(t *testing.T) {
	written := graph.WriteStats{NodesCreated: 30, RelsCreated: 70, PropertiesSet: 200}
	bad := []Failure{{Origin: "bad.txt", Err: errors.New("binary content, not text")}}
	tests := []struct {
		name string
		sum  Summary
		want string
	}{
		{name: "only failures: no graph line, no rate",
			sum:  Summary{Failed: 1, Failures: bad, Elapsed: 400 * time.Microsecond},
			want: "articles: 0 new, 0 updated, 0 unchanged, 1 failed\ntime: 0s\n"},
		{name: "failures and nothing written for seconds: still no rate",
			sum:  Summary{Failed: 1, Failures: bad, Elapsed: 3 * time.Second},
			want: "articles: 0 new, 0 updated, 0 unchanged, 1 failed\ntime: 3s\n"},
		{name: "written in under a second: no rate",
			sum: Summary{Articles: 13, New: 13, Graph: written, Elapsed: 250 * time.Millisecond},
			want: "articles: 13 new, 0 updated, 0 unchanged, 0 failed\n" +
				"graph: 30 nodes created, 0 deleted; 70 relationships created, 0 deleted; 200 properties set\n" +
				"time: 250ms\n"},
		{name: "a long run has rates; failed items do not count",
			sum: Summary{Articles: 100, New: 90, Unchanged: 10, Failed: 5, Failures: bad, Graph: written, Elapsed: 2 * time.Second},
			want: "articles: 90 new, 0 updated, 10 unchanged, 5 failed\n" +
				"graph: 30 nodes created, 0 deleted; 70 relationships created, 0 deleted; 200 properties set\n" +
				"time: 2s, 50.0 articles/s, 50 nodes+relationships/s\n"},
		{name: "unchanged only",
			sum:  Summary{Articles: 20, Unchanged: 20, Graph: graph.WriteStats{Unchanged: 20}, Elapsed: 2 * time.Second},
			want: "articles: 0 new, 0 updated, 20 unchanged, 0 failed\ntime: 2s, 10.0 articles/s\n"},
		{name: "dry run",
			sum:  Summary{Articles: 1, Failed: 1, Failures: bad, DryRun: true, Elapsed: 5 * time.Millisecond},
			want: "dry run: 1 articles extracted, 1 failed, nothing written (5ms)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			tt.sum.Print(&buf)
			assert.Equal(t, tt.want, buf.String())
		})
	}
}
