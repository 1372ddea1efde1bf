INSERT INTO items (id, title) VALUES (1, '${title}');
