// The source state of `geokg serve` (one :Source per url, items looked up by
// key) and a readable caption on every event for Neo4j Browser: "ASSAULT
// 2025-03-14" (the graph view quotes dates, so the caption is a string).
CREATE CONSTRAINT source_url IF NOT EXISTS FOR (n:Source) REQUIRE n.url IS UNIQUE;
CREATE INDEX source_item_key IF NOT EXISTS FOR (n:SourceItem) ON (n.key);
MATCH (e:Event) WHERE e.caption IS NULL
CALL (e) { SET e.caption = e.type + coalesce(' ' + toString(e.date), '') } IN TRANSACTIONS OF 10000 ROWS;
