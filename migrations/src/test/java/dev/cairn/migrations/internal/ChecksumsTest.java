package dev.cairn.migrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumsTest {

    @Test
    void crlfAndLfGiveTheSameChecksum() {
        assertThat(Checksums.of("CREATE TABLE a (id INT);\r\nSELECT 1;\r\n"))
                .isEqualTo(Checksums.of("CREATE TABLE a (id INT);\nSELECT 1;\n"));
    }

    @Test
    void oldMacLineEndingsGiveTheSameChecksum() {
        assertThat(Checksums.of("a\rb\r")).isEqualTo(Checksums.of("a\nb\n"));
    }

    @Test
    void byteOrderMarkIsIgnored() {
        assertThat(Checksums.of("\uFEFFSELECT 1;")).isEqualTo(Checksums.of("SELECT 1;"));
    }

    @Test
    void joiningTwoLinesChangesTheChecksum() {
        assertThat(Checksums.of("SELECT 1;\nSELECT 2;")).isNotEqualTo(Checksums.of("SELECT 1;SELECT 2;"))
                .isNotEqualTo(Checksums.of("SELECT 1; SELECT 2;"));
    }

    @Test
    void addingABlankLineChangesTheChecksum() {
        assertThat(Checksums.of("SELECT 1;\n")).isNotEqualTo(Checksums.of("SELECT 1;\n\n"));
    }

    @Test
    void isLowerCaseHexSha256() {
        assertThat(Checksums.of("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Checksums.ALGORITHM).isEqualTo("SHA-256/normalized-v1");
    }
}
