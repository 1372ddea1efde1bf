DROP TRIGGER tasks_audit ON tasks;
DROP TRIGGER tasks_search ON tasks;
DROP TRIGGER projects_touch ON projects;
