package dev.cairn.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The direct writer of flat maps writes what Jackson writes, and reads back as Jackson reads. */
class JsonTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void aFlatMapIsWrittenAsJacksonWritesIt() throws Exception {
        StringBuilder everyControl = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            everyControl.append(c);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("plain", "Write the parser");
        details.put("quotes \" and \\", "a \"quoted\" \\ back\\slash / slash");
        details.put("controls", everyControl.toString() + "\u007f");
        details.put("unicode", "é ü 中文 \ud83d\ude80 \u2028");
        details.put("int", 42);
        details.put("long", 1L << 40);
        details.put("true", true);
        details.put("null", null);
        details.put("", "");

        String written = Json.write(details);

        assertThat(written).isEqualTo(JACKSON.writeValueAsString(details));
        assertThat(Json.readObject(written)).isEqualTo(details);
    }

    @Test
    void anythingElseIsLeftToJackson() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", List.of("x", 1));
        nested.put("map", Map.of("k", "v"));
        nested.put("double", 1.5);

        assertThat(Json.write(nested)).isEqualTo(JACKSON.writeValueAsString(nested));
        assertThat(Json.write(Arrays.asList("a", null))).isEqualTo("[\"a\",null]");
        assertThat(Json.write(Map.of())).isNull();
    }
}
