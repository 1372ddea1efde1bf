DROP TABLE invoices;
DROP TABLE audit_log;
DROP TABLE task_links;
DROP TABLE tasks;
DROP TABLE projects;
