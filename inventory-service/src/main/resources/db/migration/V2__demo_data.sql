-- The demo catalogue. limited-edition has a single unit, so a second order for it is refused;
-- load-test-item has enough units that a load test never runs out.
INSERT INTO product (id, name, price, currency, available, reserved) VALUES
    ('keyboard',        'Mechanical keyboard',   49.90, 'EUR',      100, 0),
    ('mouse',           'Wireless mouse',        19.90, 'EUR',      200, 0),
    ('monitor',         '27-inch monitor',      199.00, 'EUR',       20, 0),
    ('webcam',          'HD webcam',             59.00, 'EUR',        5, 0),
    ('limited-edition', 'Limited-edition print', 999.00, 'EUR',       1, 0),
    ('load-test-item',  'Load-test item',         1.00, 'EUR', 10000000, 0);
