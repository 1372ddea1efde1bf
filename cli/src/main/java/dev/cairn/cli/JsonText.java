package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** JSON read from the command line; a class of its own so that Jackson loads only when it is needed. */
final class JsonText {
    private JsonText() {
    }

    /** The value {@code text} holds as JSON, or empty when it is no JSON. */
    static Optional<Object> parse(String text) {
        try {
            return Optional.ofNullable(new ObjectMapper().readValue(text, Object.class));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }
}
