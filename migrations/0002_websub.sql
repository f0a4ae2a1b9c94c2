-- WebSub (W3C Recommendation, 2018): our hub's subscriptions and what it delivered (src/websub/).

-- One row per (topic, callback) (§5.1: a subscription is identified by both). A row is created
-- 'pending' by a request for a new subscription and becomes 'verified' when the subscriber
-- confirms its intent (§5.3); a re-subscription keeps the verified row until it is confirmed.
CREATE TABLE websub_subscriptions (
  topic TEXT NOT NULL,             -- canonical path of the feed, e.g. '/feed.xml'
  callback TEXT NOT NULL,          -- the subscriber's URL, as given
  callback_host TEXT NOT NULL,     -- its host, for the per-host limit
  state TEXT NOT NULL,             -- 'pending' | 'verified'
  secret TEXT,                     -- hub.secret (under 200 bytes), or NULL: deliveries unsigned
  lease_seconds INTEGER NOT NULL,  -- as granted
  expires_at INTEGER,              -- milliseconds; NULL while pending
  delivered_etag TEXT,             -- ETag of the topic version this subscriber last received
  created_at INTEGER NOT NULL,     -- milliseconds
  PRIMARY KEY (topic, callback)
) WITHOUT ROWID;

CREATE INDEX websub_subscriptions_by_host ON websub_subscriptions (callback_host);
CREATE INDEX websub_subscriptions_by_expiry ON websub_subscriptions (expires_at);

-- Per topic, the version (documents.etag) the hub last fanned out to its subscribers: the cron
-- compares it with documents.etag and delivers what a lost notification missed.
CREATE TABLE websub_topics (
  topic TEXT PRIMARY KEY,
  delivered_etag TEXT NOT NULL,
  delivered_at INTEGER NOT NULL    -- milliseconds
) WITHOUT ROWID;

-- Fixed-window counters for the request limits: key = what is limited ('client:<ip>',
-- 'topic:<path>'), window = the window's start in milliseconds.
CREATE TABLE websub_rate_limits (
  key TEXT NOT NULL,
  window INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (key, window)
) WITHOUT ROWID;
