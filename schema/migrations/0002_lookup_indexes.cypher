// Range indexes for the lookups of ingest and the canned queries.
CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name);
CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind);
CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url);
CREATE INDEX article_published_at IF NOT EXISTS FOR (n:Article) ON (n.published_at);
CREATE INDEX location_name IF NOT EXISTS FOR (n:Location) ON (n.name);
