package dev.cairn.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every string a YAML export writes reads back as the same string, in a YAML 1.1 reader (SnakeYAML, as PyYAML,
 * which ToDoWrite uses) and in Cairn's own reader: numbers, dates, booleans and nulls of either YAML version are
 * quoted.
 */
final class PlainScalarsTest {
    private static final List<String> TYPED = List.of("123", "-7", "+1", "1.0", ".5", "1e3", "1E-3", "0x1F", "0o17",
            "017", "0b101", "1_000", "12:30", "1:20:30.5", ".inf", "-.Inf", ".NaN", "2025-01-01",
            "2025-01-01T10:00:00Z", "2001-12-14 21:59:43.10 -5", "yes", "No", "ON", "off", "y", "N", "true", "False",
            "~", "null", "NULL", "", "<<", "=", " lead", "trail ", "a: b", "- x", "#c", "[x]", "{x}", "*alias", "&a",
            "!tag", "%x", "@x", "`x", "|", ">", "'", "\"", "multi\nline", "tab\there", "é", "日本", "emoji 🚀");

    @Test
    void everyTypedLookingStringReadsBackAsTheSameString() throws IOException {
        for (String value : TYPED) {
            assertRoundTrip(value);
        }
    }

    @Test
    void anyStringReadsBackAsTheSameString() throws IOException {
        Random random = new Random(20261203);
        String alphabet = "0123456789.+-_:eExXoObB ~yYnNtTfF<=>#&*!|'\"%@`[]{},?\\/\nabcé日🚀";
        int[] codePoints = alphabet.codePoints().toArray();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                value.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            assertRoundTrip(value.toString());
        }
    }

    private static void assertRoundTrip(String value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator yaml = Codecs.factory(PlanFormat.YAML).createGenerator(out)) {
            yaml.writeStartObject();
            yaml.writeStringField("title", value);
            yaml.writeArrayFieldStart("labels");
            yaml.writeString(value);
            yaml.writeEndArray();
            yaml.writeEndObject();
        }
        String text = out.toString(StandardCharsets.UTF_8);
        Map<String, Object> read = new Yaml().load(text);
        assertThat(read.get("title")).as("YAML 1.1 reading of %s", text).isEqualTo(value);
        assertThat(read.get("labels")).as("YAML 1.1 reading of %s", text).isEqualTo(List.of(value));
        List<Object> tokens = new ArrayList<>();
        try (JsonParser parser = Codecs.parser(PlanFormat.YAML, new ByteArrayInputStream(out.toByteArray()))) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isScalarValue()) {
                    tokens.add(token == JsonToken.VALUE_STRING ? parser.getText() : token);
                }
            }
        }
        assertThat(tokens).as("Cairn's reading of %s", text).containsExactly(value, value);
    }
}
