-- A case read lists the buyer's and the seller's latest cases. The seller's were found by
-- walking every case newest first and probing its order for the seller (thousands of
-- probes for a seller with few cases); the buyer's by sorting all of the buyer's cases.
-- Each now reads one index range in order and stops after the page.

-- The seller of a case's order, kept on the case: an order's seller never changes, and a
-- trigger fills it from the order, so no write path has to remember it.
ALTER TABLE cases ADD COLUMN seller_id uuid REFERENCES sellers (id);

CREATE FUNCTION case_seller_from_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.seller_id := (SELECT seller_id FROM orders WHERE id = NEW.order_id);
  RETURN NEW;
END;
$$;
CREATE TRIGGER cases_seller BEFORE INSERT OR UPDATE OF order_id ON cases
  FOR EACH ROW EXECUTE FUNCTION case_seller_from_order();

-- Filling the column changes nothing a client sees: without the change-log trigger, no
-- replica is told to pull every case again.
ALTER TABLE cases DISABLE TRIGGER cases_changes;
UPDATE cases c SET seller_id = o.seller_id FROM orders o WHERE o.id = c.order_id;
ALTER TABLE cases ENABLE TRIGGER cases_changes;

CREATE INDEX cases_seller_created_idx ON cases (seller_id, created_at DESC, id DESC)
  WHERE seller_id IS NOT NULL;
CREATE INDEX cases_buyer_created_idx ON cases (buyer_id, created_at DESC, id DESC);
-- The buyer's lookups (the change-log trigger's among them) use the wider index now.
DROP INDEX cases_buyer_idx;
