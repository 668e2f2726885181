-- The DSA transparency export (GET /reports/dsa-statements) reads restrictions by the time
-- they took effect, in pages: (created_at, id) is its key.
CREATE INDEX account_restrictions_effect_idx ON account_restrictions (created_at, id);
