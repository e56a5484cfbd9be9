package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/schema"
)

// MigrationState is one embedded migration and whether the graph has it.
type MigrationState struct {
	Version   int
	Name      string
	Applied   bool
	AppliedAt time.Time
	// Modified is set when the applied migration's checksum differs from
	// the embedded file's.
	Modified bool
}

// The applied versions are recorded as (:SchemaMigration {version, name,
// checksum, applied_at}) nodes; the schema version is the highest of them.
const (
	qMigrationConstraint = `CREATE CONSTRAINT schema_migration_version IF NOT EXISTS
FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE`
	qAppliedMigrations = `MATCH (m:SchemaMigration)
RETURN m.version AS version, m.checksum AS checksum, m.applied_at AS applied_at ORDER BY version`
	qRecordMigration = `MERGE (m:SchemaMigration {version: $version})
ON CREATE SET m.applied_at = datetime()
SET m.name = $name, m.checksum = $checksum`
)

// SchemaStatus lists every embedded migration with its state.
func (s *Store) SchemaStatus(ctx context.Context) ([]MigrationState, error) {
	ms, err := schema.Migrations()
	if err != nil {
		return nil, err
	}
	applied, err := s.appliedMigrations(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]MigrationState, 0, len(ms))
	for _, m := range ms {
		st := MigrationState{Version: m.Version, Name: m.Name}
		if a, ok := applied[m.Version]; ok {
			st.Applied, st.AppliedAt, st.Modified = true, a.at, a.checksum != m.Checksum
		}
		out = append(out, st)
	}
	return out, nil
}

// SchemaVersion is the highest applied migration version (0 for none).
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	applied, err := s.appliedMigrations(ctx)
	if err != nil {
		return 0, err
	}
	v := 0
	for k := range applied {
		v = max(v, k)
	}
	return v, nil
}

// Pending returns the versions of the embedded migrations not yet applied.
func (s *Store) Pending(ctx context.Context) ([]int, error) {
	st, err := s.SchemaStatus(ctx)
	if err != nil {
		return nil, err
	}
	var out []int
	for _, m := range st {
		if !m.Applied {
			out = append(out, m.Version)
		}
	}
	return out, nil
}

// Migrate applies the pending migrations in order and returns their
// versions. Every statement is idempotent, so a migration interrupted half
// way is simply applied again.
func (s *Store) Migrate(ctx context.Context) ([]int, error) {
	if err := s.run(ctx, qMigrationConstraint, nil); err != nil {
		return nil, fmt.Errorf("create migration constraint: %w", err)
	}
	ms, err := schema.Migrations()
	if err != nil {
		return nil, err
	}
	applied, err := s.appliedMigrations(ctx)
	if err != nil {
		return nil, err
	}
	var done []int
	for _, m := range ms {
		if _, ok := applied[m.Version]; ok {
			continue
		}
		// Schema statements cannot share a transaction with writes, so each
		// runs in its own auto-commit transaction.
		for _, stmt := range m.Statements {
			if err := s.run(ctx, stmt, nil); err != nil {
				return done, fmt.Errorf("apply migration %04d_%s: %w", m.Version, m.Name, err)
			}
		}
		// Index creation is asynchronous; wait so that callers can rely on it.
		if err := s.run(ctx, "CALL db.awaitIndexes(300)", nil); err != nil {
			return done, fmt.Errorf("wait for indexes of migration %04d: %w", m.Version, err)
		}
		params := map[string]any{"version": m.Version, "name": m.Name, "checksum": m.Checksum}
		if err := s.run(ctx, qRecordMigration, params); err != nil {
			return done, fmt.Errorf("record migration %04d: %w", m.Version, err)
		}
		done = append(done, m.Version)
	}
	return done, nil
}

type appliedMigration struct {
	checksum string
	at       time.Time
}

func (s *Store) appliedMigrations(ctx context.Context) (map[int]appliedMigration, error) {
	res, err := neo4j.ExecuteQuery(ctx, s.driver, qAppliedMigrations, nil,
		neo4j.EagerResultTransformer, s.readConfig())
	if err != nil {
		return nil, fmt.Errorf("read applied migrations: %w", s.connErr(err))
	}
	out := make(map[int]appliedMigration, len(res.Records))
	for _, r := range res.Records {
		v, _ := r.Get("version")
		c, _ := r.Get("checksum")
		at, _ := r.Get("applied_at")
		n, ok := v.(int64)
		if !ok {
			continue
		}
		a := appliedMigration{}
		a.checksum, _ = c.(string)
		a.at, _ = at.(time.Time)
		out[int(n)] = a
	}
	return out, nil
}

// run executes one auto-commit statement (needed for schema commands).
func (s *Store) run(ctx context.Context, cypher string, params map[string]any) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.cfg.Database})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, cypher, params)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return s.connErr(err)
	}
	return nil
}

func (s *Store) readConfig() neo4j.ExecuteQueryConfigurationOption {
	return func(c *neo4j.ExecuteQueryConfiguration) {
		neo4j.ExecuteQueryWithDatabase(s.cfg.Database)(c)
		neo4j.ExecuteQueryWithReadersRouting()(c)
	}
}

func (s *Store) writeConfig() neo4j.ExecuteQueryConfigurationOption {
	return neo4j.ExecuteQueryWithDatabase(s.cfg.Database)
}
