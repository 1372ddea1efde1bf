CREATE TABLE first_table (id INT);
