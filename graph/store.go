package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/geokg/geokg/internal/redact"
)

// Config names the Neo4j server and database to use.
type Config struct {
	URI      string
	Username string
	Password string
	// Database is the database name; "" means the server's default.
	Database string
	// ConnectTimeout bounds the first connection; 0 means 10 s.
	ConnectTimeout time.Duration
	// RetryTimeout bounds how long an operation keeps retrying while the
	// server is unavailable or a transaction fails transiently, from its
	// first attempt (the driver's MaxTransactionRetryTime; writes are also
	// cut at it while between attempts); 0 means DefaultRetryTimeout. It
	// also caps ConnectTimeout.
	RetryTimeout time.Duration
	// Log receives the first retry of each transaction at once, as a
	// warning with its cause (nil: no log).
	Log *slog.Logger
}

// Store is a connection to one Neo4j database.
type Store struct {
	driver neo4j.DriverWithContext
	cfg    Config
	// legacyUpgraded is set once source state from before migration 0006
	// has been upgraded (upgradeLegacySources).
	legacyUpgraded atomic.Bool
}

// Open connects to Neo4j and checks that the server answers, accepts the
// credentials and has the database. Its errors are one line that names the
// URI and the cause.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	if cfg.RetryTimeout <= 0 {
		cfg.RetryTimeout = DefaultRetryTimeout
	}
	cfg.ConnectTimeout = min(cfg.ConnectTimeout, cfg.RetryTimeout)
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	auth := neo4j.NoAuth()
	if cfg.Username != "" || cfg.Password != "" {
		auth = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		c.SocketConnectTimeout = cfg.ConnectTimeout
		c.ConnectionAcquisitionTimeout = cfg.ConnectTimeout
		c.MaxTransactionRetryTime = cfg.RetryTimeout
		c.Log = &driverLog{log: cfg.Log, timeout: cfg.RetryTimeout}
		c.UserAgent = "geokg"
	})
	if err != nil {
		return nil, &ConnError{URI: cfg.URI, Cause: "invalid URI: " + err.Error(), Err: err}
	}
	s := &Store{driver: driver, cfg: cfg}
	cctx, cancel := context.WithTimeout(ctx, cfg.ConnectTimeout+5*time.Second)
	defer cancel()
	if err := s.Ping(cctx); err != nil {
		_ = driver.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	return s, nil
}

// Ping checks connectivity, credentials and the database with one query.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		return s.connErr(err)
	}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.cfg.Database, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "RETURN 1", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return s.connErr(err)
	}
	return nil
}

// Close releases the driver's connections.
func (s *Store) Close(ctx context.Context) error {
	return s.driver.Close(ctx)
}

// Driver exposes the driver to the write and query code of this package.
func (s *Store) Driver() neo4j.DriverWithContext { return s.driver }

// Database is the configured database name ("" for the server default).
func (s *Store) Database() string { return s.cfg.Database }

// URI is the server address, with any credentials removed.
func (s *Store) URI() string { return redact.URL(s.cfg.URI) }

// ConnError is a failure to reach or use the server, phrased for a person.
type ConnError struct {
	URI   string
	Cause string
	Hint  string
	Err   error
}

func (e *ConnError) Error() string {
	msg := fmt.Sprintf("neo4j at %s: %s", e.URI, e.Cause)
	if e.Hint != "" {
		msg += " (" + e.Hint + ")"
	}
	return redact.Text(msg)
}

func (e *ConnError) Unwrap() error { return e.Err }

// connErr turns a driver error into a ConnError with a cause and a hint.
func (s *Store) connErr(err error) error {
	var ce *ConnError
	if errors.As(err, &ce) {
		return err
	}
	e := &ConnError{URI: s.cfg.URI, Err: err}
	var nerr *neo4j.Neo4jError
	switch {
	case errors.As(err, &nerr) && nerr.Code == "Neo.ClientError.Security.Unauthorized":
		e.Cause = fmt.Sprintf("authentication failed for user %q", s.cfg.Username)
		e.Hint = localEnvHint("check NEO4J_USERNAME and NEO4J_PASSWORD")
	case errors.As(err, &nerr) && nerr.Code == "Neo.ClientError.Security.AuthenticationRateLimit":
		e.Cause = "too many failed logins; the server locked the account for a while"
		e.Hint = localEnvHint("check NEO4J_PASSWORD, then wait and retry")
	case errors.As(err, &nerr) && nerr.Code == "Neo.ClientError.Database.DatabaseNotFound":
		e.Cause = fmt.Sprintf("database %q does not exist", s.cfg.Database)
		e.Hint = "check NEO4J_DATABASE; Community edition has only \"neo4j\" and \"system\""
	case errors.As(err, &nerr):
		e.Cause = nerr.Code + ": " + nerr.Msg
	case neo4j.IsConnectivityError(err) || isTimeout(err):
		e.Cause = "cannot connect: " + rootCause(err)
		e.Hint = notRunningHint
	default:
		e.Cause = err.Error()
	}
	return e
}

// notRunningHint is the hint for a server that does not answer.
const notRunningHint = "is Neo4j running? start the local one with scripts/neo4j start && " + localEnv

// localEnv sets the address and credentials of the local server started by
// scripts/neo4j.
const localEnv = `eval "$(scripts/neo4j env)"`

func localEnvHint(check string) string {
	return check + "; for the local server started by scripts/neo4j: " + localEnv
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

// rootCause returns the innermost error text, which for network failures is
// the useful part ("connection refused").
func rootCause(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}

// IsUnavailable reports whether err means the server could not be reached
// (as opposed to a query or data error), so a caller can back off and retry.
func IsUnavailable(err error) bool {
	var ce *ConnError
	if errors.As(err, &ce) {
		return ce.Hint != "" && ce.Err != nil && (neo4j.IsConnectivityError(ce.Err) || isTimeout(ce.Err) || errors.Is(ce.Err, errRetryBudget))
	}
	return neo4j.IsConnectivityError(err)
}
