package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countedSource is a fakeSource that knows its size beforehand.
type countedSource struct{ fakeSource }

func (c countedSource) Count(context.Context, []string) (int, bool) { return len(c.texts), true }

// recorder records what a run tells its progress display, in order.
type recorder struct {
	mu     sync.Mutex
	events []string
	done   int
}

func (r *recorder) log(e string) { r.mu.Lock(); r.events = append(r.events, e); r.mu.Unlock() }
func (r *recorder) Total(n int)  { r.log(fmt.Sprintf("total %d", n)) }
func (r *recorder) Phase(p string) {
	r.log("phase " + p)
}
func (r *recorder) Add(n int) {
	r.mu.Lock()
	r.done += n
	r.mu.Unlock()
	r.log(fmt.Sprintf("add %d", n))
}
func (r *recorder) Clear()  {}
func (r *recorder) Finish() { r.log("finish") }

func TestProgressTotalPhasesAndCompletedItems(t *testing.T) {
	texts := []string{"a", "b", "c", "d", "e"}
	tests := []struct {
		name  string
		src   Source
		want  []string
		total bool
	}{
		{"known total", countedSource{fakeSource{texts}}, []string{
			"phase counting", "total 5", "phase reading",
			"phase writing batch 1/3", "add 2", "phase reading",
			"phase writing batch 2/3", "add 2", "phase reading",
			"phase writing batch 3/3", "add 1", "phase reading", "finish"}, true},
		{"unknown total", fakeSource{texts}, []string{
			"phase reading",
			"phase writing batch 1", "add 2", "phase reading",
			"phase writing batch 2", "add 2", "phase reading",
			"phase writing batch 3", "add 1", "phase reading", "finish"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			sum, err := Run(context.Background(), tt.src, nil, fakeExtractor{}, &fakeWriter{}, Options{Workers: 1, Batch: 2, Progress: rec})
			require.NoError(t, err)
			assert.Equal(t, 5, sum.New)
			assert.Equal(t, tt.want, rec.events, "items count once written, never while waiting on a write")
		})
	}
}

func TestProgressCountsFailures(t *testing.T) {
	rec := &recorder{}
	sum, err := Run(context.Background(), countedSource{fakeSource{[]string{"a", "ERR:HTTP 404", "bad", "poison", "e"}}}, nil,
		fakeExtractor{}, &fakeWriter{}, Options{Workers: 2, Batch: 10, Progress: rec})
	require.NoError(t, err)
	assert.Equal(t, 3, sum.Failed)
	assert.Equal(t, 5, rec.done, "every item, written or failed, counts once")
}

func TestMeterRate(t *testing.T) {
	m := newMeter()
	m.start = time.Now().Add(-10 * time.Second)
	m.add(100)
	m.last = m.start.Add(4 * time.Second)
	assert.InDelta(t, 25.0, m.rate(), 0.01, "articles per second up to the last completed write")
	m.phase = "writing batch 2/3"
	assert.Equal(t, "writing batch 2/3 (25.0 articles/s)", m.describe())

	m = newMeter()
	m.add(13)
	assert.Zero(t, m.rate(), "no rate in the first second")
}

func TestLogProgress(t *testing.T) {
	var buf bytes.Buffer
	p := NewLogProgress(slog.New(slog.NewTextHandler(&buf, nil)), 0)
	p.Total(10)
	p.Phase("writing batch 1/2")
	p.Add(5)
	out := buf.String()
	assert.Contains(t, out, `msg=progress phase="writing batch 1/2" done=0 total=10`)
	assert.Contains(t, out, `phase="writing batch 1/2" done=5 total=10`)
	assert.Equal(t, 2, strings.Count(out, "\n"))
}

func TestBarRenders(t *testing.T) {
	var buf bytes.Buffer
	p := NewBar(&buf, "ingesting")
	p.Total(4)
	p.Phase("writing batch 1/2")
	time.Sleep(150 * time.Millisecond) // past the bar's redraw throttle
	p.Add(2)
	p.Finish()
	assert.Contains(t, buf.String(), "writing batch 1/2")
	assert.Contains(t, buf.String(), "2/4")
}
