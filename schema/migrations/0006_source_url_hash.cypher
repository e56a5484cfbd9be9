// Source URLs may carry credentials (user:token@, ?apikey=…): a :Source is
// now identified by url_hash, a hash of the full URL (two tokens are two
// sources), and stores its URL redacted (with a short hash suffix when
// redaction changed it, which keeps url unique); a :SourceItem likewise
// stores its key redacted and is found by key_hash. Nodes written before
// this migration are upgraded (hashed and redacted) by geokg the first time
// their source runs or is listed.
CREATE CONSTRAINT source_url_hash IF NOT EXISTS FOR (n:Source) REQUIRE n.url_hash IS UNIQUE;
CREATE INDEX source_item_key_hash IF NOT EXISTS FOR (n:SourceItem) ON (n.key_hash);
