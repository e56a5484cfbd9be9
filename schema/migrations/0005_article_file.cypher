// The file an article was read from, for 'geokg ingest --prune' (a range
// index serves its STARTS WITH lookups).
CREATE INDEX article_file IF NOT EXISTS FOR (n:Article) ON (n.file);
