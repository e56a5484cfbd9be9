package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/log"
)

// DefaultRetryTimeout bounds retrying when Config.RetryTimeout is 0.
const DefaultRetryTimeout = 30 * time.Second

// errRetryBudget is the cause of a write abandoned because its retries
// used up Config.RetryTimeout.
var errRetryBudget = errors.New("retry timeout reached")

// driverLog passes the driver's retries to geokg's log: the first retry of
// a session (one transaction) at once as a warning with its cause, the
// later ones at debug level; the driver's other chatter at debug level.
type driverLog struct {
	log     *slog.Logger
	timeout time.Duration

	mu     sync.Mutex
	warned string // session whose first retry was logged
}

var _ log.Logger = (*driverLog)(nil)

func (l *driverLog) Error(name, id string, err error) {
	l.log.Debug("neo4j driver", "component", name, "id", id, "err", err)
}

func (l *driverLog) Warnf(name, id string, msg string, args ...any) {
	l.log.Debug("neo4j driver: "+fmt.Sprintf(msg, args...), "component", name, "id", id)
}

func (l *driverLog) Infof(name, id string, msg string, args ...any) {
	l.log.Debug("neo4j driver: "+fmt.Sprintf(msg, args...), "component", name, "id", id)
}

func (l *driverLog) Debugf(name, id string, msg string, args ...any) {
	// The driver's retry loop says "Retrying transaction (<kind>): <error>
	// [after <delay>]" before each new attempt.
	if !strings.HasPrefix(msg, "Retrying transaction") || len(args) < 2 {
		l.log.Debug("neo4j driver: "+fmt.Sprintf(msg, args...), "component", name, "id", id)
		return
	}
	l.mu.Lock()
	first := l.warned != id
	l.warned = id
	l.mu.Unlock()
	attrs := []any{"cause", fmt.Sprint(args[1]), "gives_up_after", l.timeout.String()}
	if len(args) > 2 {
		attrs = append(attrs, "in", fmt.Sprint(args[2]))
	}
	if first {
		l.log.Warn("Neo4j unavailable or busy; retrying", attrs...)
		return
	}
	l.log.Debug("Neo4j unavailable or busy; retrying again", attrs...)
}

// retryWatch bounds a retrying write transaction by the retry timeout: the
// driver stops starting attempts after it, but may first sleep past it, so
// when the timeout passes while no attempt is running (the driver is
// connecting or sleeping between attempts) the write is cancelled. An
// attempt that is running is left to finish: a healthy long write is never
// cut, and the driver does not retry it once the time is up.
type retryWatch struct {
	running atomic.Bool
	timer   *time.Timer
}

// watch returns ctx, cancelled with errRetryBudget as described, and the
// watch whose enter/leave mark an attempt; stop releases it.
func watch(ctx context.Context, timeout time.Duration) (context.Context, *retryWatch, func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	w := &retryWatch{}
	w.timer = time.AfterFunc(timeout, func() {
		if !w.running.Load() {
			cancel(errRetryBudget)
		}
	})
	return ctx, w, func() { w.timer.Stop(); cancel(nil) }
}

func (w *retryWatch) enter() { w.running.Store(true) }

// leave marks the end of a failed attempt (a successful one stays
// "running" while the driver commits).
func (w *retryWatch) leave(err error) {
	if err != nil {
		w.running.Store(false)
	}
}

// bounded limits a small bookkeeping query (a source's state) to the retry
// timeout in all: such a query takes milliseconds on a live server, so the
// bound only cuts the driver's retries and back-off sleeps short.
func (s *Store) bounded(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, s.cfg.RetryTimeout)
}
