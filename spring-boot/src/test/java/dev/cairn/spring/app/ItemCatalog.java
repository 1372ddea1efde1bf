package dev.cairn.spring.app;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A bean that reads the application's own tables while it is being made, as caches and lookups often do: it starts
 * only if the application's migrations ran before it.
 */
@Component
public class ItemCatalog {
    private final JdbcTemplate jdbc;
    private final List<String> titlesAtStart;

    public ItemCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.titlesAtStart = titles();
    }

    /** The titles the table held when this bean was made. */
    public List<String> titlesAtStart() {
        return titlesAtStart;
    }

    public List<String> titles() {
        return jdbc.queryForList("SELECT title FROM items ORDER BY id", String.class);
    }
}
