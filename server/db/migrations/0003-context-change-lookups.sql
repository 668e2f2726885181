-- 0002's context trigger tested the table name inside one OR, which kept PostgreSQL from
-- using the order, buyer and seller indexes: every refund scanned all cases. One branch
-- per table lets each lookup use its index.
CREATE INDEX IF NOT EXISTS orders_seller_cases_idx ON orders (seller_id, id);

CREATE OR REPLACE FUNCTION record_context_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'orders' THEN
    INSERT INTO changes (entity, entity_id, case_id)
    SELECT 'case', c.id, c.id FROM cases c WHERE c.order_id = NEW.id;
  ELSIF TG_TABLE_NAME = 'buyers' THEN
    INSERT INTO changes (entity, entity_id, case_id)
    SELECT 'case', c.id, c.id FROM cases c WHERE c.buyer_id = NEW.id;
  ELSE
    INSERT INTO changes (entity, entity_id, case_id)
    SELECT 'case', c.id, c.id FROM orders o JOIN cases c ON c.order_id = o.id WHERE o.seller_id = NEW.id;
  END IF;
  PERFORM pg_notify('casedesk_changes', '{}');
  RETURN NULL;
END;
$$;
