// Package graph is geokg's Neo4j store: connecting with actionable errors,
// applying the schema migrations of package schema, health checks, batched
// idempotent writes of extraction results and the canned queries.
//
// It is the only package that knows the Neo4j driver and its error types;
// callers see plain Go values and wrapped errors.
package graph
