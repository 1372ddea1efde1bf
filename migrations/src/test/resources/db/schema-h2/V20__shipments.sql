CREATE TABLE shipments (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id   BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    carrier    VARCHAR(40) NOT NULL,
    tracking   VARCHAR(80),
    shipped_at TIMESTAMP WITH TIME ZONE NOT NULL
);
