INSERT INTO items (id, title) VALUES (2, 'beyond the target');
