INSERT INTO members (login, name) VALUES ('${lead}', 'Ana Lima');
INSERT INTO members (login, name) VALUES ('ben', 'Ben Okafor');
