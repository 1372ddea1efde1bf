package dev.cairn.samples.plan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Keeps a plan in Cairn (SQLite, from {@code cairn.url}) and shows it at {@code GET /plan}; its own tables are
 * migrated by Cairn's engine from {@code db/migration}.
 */
@SpringBootApplication
public class PlanServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlanServiceApplication.class, args);
    }
}
