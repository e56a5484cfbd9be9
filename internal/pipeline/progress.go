package pipeline

import (
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// Progress shows how far a run is. An item counts once it is finished:
// written (or found unchanged) with its batch, printed by a dry run, or
// failed; so the rate follows completed writes.
type Progress interface {
	// Total announces the number of items (-1: unknown, e.g. a feed).
	Total(n int)
	// Phase says what the run is doing ("reading", "writing batch 2/5").
	Phase(phase string)
	Add(n int)
	// Clear erases the display before other output.
	Clear()
	Finish()
}

type nopProgress struct{}

func (nopProgress) Total(int)    {}
func (nopProgress) Phase(string) {}
func (nopProgress) Add(int)      {}
func (nopProgress) Clear()       {}
func (nopProgress) Finish()      {}

// meter counts finished items and their rate: items per second up to the
// last time items finished, so the rate holds still (instead of falling)
// while a batch is being written.
type meter struct {
	mu    sync.Mutex
	start time.Time
	last  time.Time
	done  int
	total int
	phase string
}

func newMeter() meter {
	now := time.Now()
	return meter{start: now, last: now, total: -1}
}

func (m *meter) add(n int) {
	m.done += n
	m.last = time.Now()
	if m.total >= 0 && m.done > m.total {
		m.total = m.done
	}
}

// rate is 0 until items have finished over at least a second.
func (m *meter) rate() float64 {
	d := m.last.Sub(m.start)
	if m.done == 0 || d < time.Second {
		return 0
	}
	return float64(m.done) / d.Seconds()
}

// describe is the phase with the rate when there is one.
func (m *meter) describe() string {
	if r := m.rate(); r > 0 {
		return fmt.Sprintf("%s (%.1f articles/s)", m.phase, r)
	}
	return m.phase
}

// NewBar is a progress bar for a terminal: a bar when the total is known,
// a spinner otherwise, with the count, the phase and the rate.
func NewBar(w io.Writer, description string) Progress {
	b := &bar{meter: newMeter(), w: w}
	b.phase = description
	b.b = newProgressBar(w, -1, description)
	return b
}

func newProgressBar(w io.Writer, max int, description string) *progressbar.ProgressBar {
	return progressbar.NewOptions(max,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(description),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(20),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionSetPredictTime(false),
		progressbar.OptionClearOnFinish(),
	)
}

type bar struct {
	meter
	w io.Writer
	b *progressbar.ProgressBar
}

// Total replaces the spinner with a bar of n items (the count so far kept).
func (b *bar) Total(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if n < 0 {
		return
	}
	b.total = max(n, b.done)
	_ = b.b.Finish() // clears the spinner and stops its redraws
	b.b = newProgressBar(b.w, b.total, b.describe())
	_ = b.b.Set(b.done)
}

func (b *bar) Phase(p string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.phase = p
	b.b.Describe(b.describe())
}

func (b *bar) Add(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.add(n)
	if b.total >= 0 && b.total != b.b.GetMax() {
		b.b.ChangeMax(b.total) // more items than counted
	}
	_ = b.b.Add(n)
	b.b.Describe(b.describe())
}

func (b *bar) Clear()  { _ = b.b.Clear() }
func (b *bar) Finish() { _ = b.b.Finish() }

// NewLogProgress logs a line at most every interval, on progress or on a
// change of phase (for logs and CI, where a bar would be noise).
func NewLogProgress(log *slog.Logger, interval time.Duration) Progress {
	return &logProgress{meter: newMeter(), log: log, every: interval, logged: time.Now()}
}

type logProgress struct {
	meter
	log    *slog.Logger
	every  time.Duration
	logged time.Time
}

func (p *logProgress) Total(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = n
}

func (p *logProgress) Phase(phase string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.phase = phase
	p.maybeLog()
}

func (p *logProgress) Add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.add(n)
	p.maybeLog()
}

func (p *logProgress) maybeLog() {
	if time.Since(p.logged) < p.every {
		return
	}
	p.logged = time.Now()
	args := []any{"phase", p.phase, "done", p.done}
	if p.total >= 0 {
		args = append(args, "total", p.total)
	}
	if r := p.rate(); r > 0 {
		args = append(args, "rate", float64(int(r*10))/10)
	}
	p.log.Info("progress", args...)
}

func (p *logProgress) Clear()  {}
func (p *logProgress) Finish() {}
