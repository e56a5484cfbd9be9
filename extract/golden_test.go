package extract

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenPublished anchors relative dates of test articles that carry no date.
const goldenPublished = "2019-01-23"

// TestGolden extracts every article in testdata/ (plain text, HTML and JSON
// inputs) and compares the JSON with NAME.golden.json; -update rewrites them.
func TestGolden(t *testing.T) {
	e := newTestExtractor(t)
	files, err := filepath.Glob("testdata/*")
	require.NoError(t, err)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".golden.json") || strings.HasSuffix(f, ".md") {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			in, err := ReadInput(f, b)
			require.NoError(t, err)
			if in.PublishedAt == "" {
				in.PublishedAt = goldenPublished
			}
			d, err := e.Extract(context.Background(), in)
			require.NoError(t, err)
			checkDocument(t, d)
			got, err := json.MarshalIndent(d, "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, filepath.Ext(f)) + ".golden.json"
			if *update {
				require.NoError(t, os.WriteFile(golden, got, 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "missing golden file: run go test ./extract -run TestGolden -update")
			assert.Equal(t, string(want), string(got), "output changed: inspect, then run with -update")
		})
	}
	require.GreaterOrEqual(t, n, 4)
}
