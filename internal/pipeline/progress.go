package pipeline

import (
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// Progress shows how far a run is.
type Progress interface {
	Add(n int)
	// Clear erases the display before other output.
	Clear()
	Finish()
}

type nopProgress struct{}

func (nopProgress) Add(int) {}
func (nopProgress) Clear()  {}
func (nopProgress) Finish() {}

// NewBar is a spinner with count and rate for a terminal.
func NewBar(w io.Writer, description string) Progress {
	return &bar{b: progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(description),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionClearOnFinish(),
	)}
}

type bar struct{ b *progressbar.ProgressBar }

func (b *bar) Add(n int) { _ = b.b.Add(n) }
func (b *bar) Clear()    { _ = b.b.Clear() }
func (b *bar) Finish()   { _ = b.b.Finish() }

// NewLogProgress logs a line at most every interval (for non-terminals).
func NewLogProgress(log *slog.Logger, interval time.Duration) Progress {
	return &logProgress{log: log, every: interval, start: time.Now(), last: time.Now()}
}

type logProgress struct {
	mu    sync.Mutex
	log   *slog.Logger
	every time.Duration
	start time.Time
	last  time.Time
	n     int
}

func (p *logProgress) Add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n += n
	if time.Since(p.last) >= p.every {
		p.last = time.Now()
		p.log.Info("progress", "processed", p.n, "rate", rate(p.n, time.Since(p.start)))
	}
}

func (p *logProgress) Clear()  {}
func (p *logProgress) Finish() {}

func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(int(float64(n)/d.Seconds()*10)) / 10
}
