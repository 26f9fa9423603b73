-- Demo customers, one per scenario: alice can pay, bob's orders over 50.00 are declined, carol is in
-- between, and dave has enough for any load test.
INSERT INTO account (customer_id, name, currency, balance) VALUES
    ('alice', 'Alice', 'EUR', 1000.00),
    ('bob', 'Bob', 'EUR', 50.00),
    ('carol', 'Carol', 'EUR', 500.00),
    ('dave', 'Dave', 'EUR', 1000000.00);
