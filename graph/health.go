package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// ServerInfo describes the connected server.
type ServerInfo struct {
	Name    string // "Neo4j Kernel"
	Version string // "5.26.3"
	Edition string // "community" | "enterprise"
}

// Server reads the server's version and edition.
func (s *Store) Server(ctx context.Context) (ServerInfo, error) {
	res, err := neo4j.ExecuteQuery(ctx, s.driver,
		"CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition",
		nil, neo4j.EagerResultTransformer, s.readConfig())
	if err != nil {
		return ServerInfo{}, fmt.Errorf("read server version: %w", s.connErr(err))
	}
	for _, r := range res.Records {
		var info ServerInfo
		if v, ok := r.Get("name"); ok {
			info.Name, _ = v.(string)
		}
		if v, ok := r.Get("version"); ok {
			info.Version, _ = v.(string)
		}
		if v, ok := r.Get("edition"); ok {
			info.Edition, _ = v.(string)
		}
		if strings.Contains(info.Name, "Kernel") || len(res.Records) == 1 {
			return info, nil
		}
	}
	return ServerInfo{}, fmt.Errorf("read server version: no components reported")
}

// Counts returns the number of nodes and relationships in the database.
func (s *Store) Counts(ctx context.Context) (nodes, rels int64, err error) {
	res, err := neo4j.ExecuteQuery(ctx, s.driver,
		"CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels",
		nil, neo4j.EagerResultTransformer, s.readConfig())
	if err != nil {
		return 0, 0, fmt.Errorf("count graph: %w", s.connErr(err))
	}
	if len(res.Records) == 1 {
		n, _ := res.Records[0].Get("nodes")
		r, _ := res.Records[0].Get("rels")
		nodes, _ = n.(int64)
		rels, _ = r.(int64)
	}
	return nodes, rels, nil
}

// SchemaObject is one constraint or index as SHOW reports it.
type SchemaObject struct {
	Kind string // "constraint" | "index"
	Name string
	Type string
	// Entity is the labels and properties it covers ("Actor(name)").
	Entity string
}

// SchemaObjects lists the constraints and indexes (for status and tests).
func (s *Store) SchemaObjects(ctx context.Context) ([]SchemaObject, error) {
	var out []SchemaObject
	for _, q := range []struct{ kind, cypher string }{
		{"constraint", "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name"},
		{"index", "SHOW INDEXES YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name"},
	} {
		res, err := neo4j.ExecuteQuery(ctx, s.driver, q.cypher, nil, neo4j.EagerResultTransformer, s.readConfig())
		if err != nil {
			return nil, fmt.Errorf("list %ss: %w", q.kind, s.connErr(err))
		}
		for _, r := range res.Records {
			m := r.AsMap()
			o := SchemaObject{Kind: q.kind}
			o.Name, _ = m["name"].(string)
			o.Type, _ = m["type"].(string)
			o.Entity = fmt.Sprintf("%v(%v)", joinAny(m["labelsOrTypes"]), joinAny(m["properties"]))
			out = append(out, o)
		}
	}
	return out, nil
}

func joinAny(v any) string {
	xs, _ := v.([]any)
	parts := make([]string, 0, len(xs))
	for _, x := range xs {
		parts = append(parts, fmt.Sprint(x))
	}
	return strings.Join(parts, ",")
}
