DROP SEQUENCE invoice_number_seq;
DROP TYPE money_amount;
DROP DOMAIN positive_int;
DROP TYPE priority;
DROP TYPE task_status;
