package dev.cairn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeExamplesTest {
    @TempDir
    Path folder;

    @Test
    void writesEachMarkedJavaBlockAsItStands() throws IOException {
        Path readme = readme("""
                # Title

                ```java
                class NotMarked {}
                ```

                <!-- readme-example: First.java -->
                ```java
                class First {
                    int x = 1;
                }
                ```
                Some text.
                <!-- readme-example: Second.java -->

                ```java
                class Second {}
                ```
                """);

        List<Path> written = ReadmeExamples.extract(readme, folder.resolve("src"));

        assertThat(written).extracting(path -> path.getFileName().toString()).containsExactly("First.java", "Second.java");
        assertThat(folder.resolve("src/First.java")).hasContent("class First {\n    int x = 1;\n}\n");
        assertThat(folder.resolve("src/Second.java")).hasContent("class Second {}\n");
        assertThat(folder.resolve("src/NotMarked.java")).doesNotExist();
    }

    @Test
    void aMarkerWithoutAJavaBlockFailsNamingItsLine() throws IOException {
        Path readme = readme("""
                Intro

                <!-- readme-example: Quickstart.java -->
                ```xml
                <dependency/>
                ```
                """);

        assertThatThrownBy(() -> ReadmeExamples.extract(readme, folder.resolve("src")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("README.md:3: readme-example 'Quickstart.java' must be followed by a ```java code block");
    }

    @Test
    void anUnclosedBlockFailsNamingWhereItOpens() throws IOException {
        Path readme = readme("""
                <!-- readme-example: Quickstart.java -->
                ```java
                class Quickstart {}
                """);

        assertThatThrownBy(() -> ReadmeExamples.extract(readme, folder.resolve("src")))
                .hasMessage("README.md:2: the code block of readme-example 'Quickstart.java' is not closed by ```");
    }

    @Test
    void aNameMarkedTwiceFails() throws IOException {
        Path readme = readme("""
                <!-- readme-example: A.java -->
                ```java
                class A {}
                ```
                <!-- readme-example: A.java -->
                ```java
                class A {}
                ```
                """);

        assertThatThrownBy(() -> ReadmeExamples.extract(readme, folder.resolve("src")))
                .hasMessage("README.md:5: readme-example 'A.java' is marked twice");
    }

    @Test
    void aNameThatIsNoJavaFileFails() throws IOException {
        Path readme = readme("""
                <!-- readme-example: ../Evil.java -->
                ```java
                class Evil {}
                ```
                """);

        assertThatThrownBy(() -> ReadmeExamples.extract(readme, folder.resolve("src")))
                .hasMessageStartingWith("README.md:1: readme-example '../Evil.java' is not the name of a Java file");
        assertThat(folder.resolve("Evil.java")).doesNotExist();
    }

    @Test
    void aReadmeWithoutMarkersFails() throws IOException {
        Path readme = readme("""
                ```java
                class Quickstart {}
                ```
                """);

        assertThatThrownBy(() -> ReadmeExamples.extract(readme, folder.resolve("src")))
                .hasMessageContaining("marks no example");
    }

    @Test
    void theProjectReadmeMarksTheQuickstart() {
        Path readme = Path.of(System.getProperty("cairn.rootDirectory"), "README.md");

        assertThat(ReadmeExamples.examples(readme)).containsKey("Quickstart.java");
        assertThat(ReadmeExamples.examples(readme).get("Quickstart.java"))
                .contains("public class Quickstart", "Cairn.open(");
    }

    private Path readme(String text) throws IOException {
        return Files.writeString(folder.resolve("README.md"), text);
    }
}
