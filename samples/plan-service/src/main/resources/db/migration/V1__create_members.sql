-- The application's own data: who may own work in the plan.
CREATE TABLE members (login VARCHAR(40) PRIMARY KEY, name VARCHAR(100) NOT NULL);
