CREATE TABLE orders (
  id BIGINT NOT NULL AUTO_INCREMENT,
  customer_id BIGINT NOT NULL,
  total DECIMAL(10,2) NOT NULL DEFAULT 0.00,
  region VARCHAR(10),
  PRIMARY KEY (id),
  KEY orders_customer_region (customer_id, region),
  CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);

-- a later change drops a column of a two-column index, as migrations do
ALTER TABLE orders DROP COLUMN region;

CREATE VIEW customer_totals AS SELECT c.id, c.name, COALESCE(SUM(o.total), 0) AS total
  FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name;
