package dev.cairn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What the root pom's modules promise a user: a module is published unless its pom sets {@code maven.deploy.skip};
 * the BOM lists exactly the published modules; each published jar names its module after its root package.
 */
class PublishedModulesTest {
    private static final Path ROOT = Path.of(System.getProperty("cairn.rootDirectory")).normalize();
    private static final List<Module> MODULES = modules();

    @Test
    void theBomListsEveryPublishedModuleAndNothingElse() {
        Set<String> published = MODULES.stream().filter(Module::publishedJar).map(Module::artifactId)
                .collect(Collectors.toCollection(TreeSet::new));
        Element bom = pom(ROOT.resolve("bom/pom.xml"));
        Set<String> listed = new TreeSet<>();
        for (Element dependency : children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
            assertThat(text(dependency, "groupId")).as("groupId in the BOM").isEqualTo("dev.cairn");
            assertThat(text(dependency, "version")).as("version of %s in the BOM", text(dependency, "artifactId"))
                    .isEqualTo("${project.version}");
            listed.add(text(dependency, "artifactId"));
        }

        assertThat(published).as("published modules (no maven.deploy.skip in their pom)").isNotEmpty();
        assertThat(difference(published, listed))
                .as("published modules missing from bom/pom.xml: add them there, or set maven.deploy.skip to true "
                        + "in the module's pom")
                .isEmpty();
        assertThat(difference(listed, published))
                .as("artifacts bom/pom.xml lists that no published module of the root pom builds")
                .isEmpty();
    }

    @Test
    void theModulesThatAreNotPublishedAreSkippedByDeploy() {
        Map<String, Boolean> deployed = new TreeMap<>();
        MODULES.forEach(module -> deployed.put(module.artifactId(), !module.deploySkipped()));

        assertThat(deployed).containsEntry("cairn-test-postgres", false).containsEntry("cairn-benchmarks", false)
                .containsEntry("cairn-it", false).containsEntry("cairn-bom", true);
    }

    @Test
    void everyPublishedJarNamesItsModuleAfterItsRootPackage() {
        Map<String, String> owners = new HashMap<>();
        for (Module module : MODULES) {
            if (!module.jar()) {
                continue;
            }
            String name = module.moduleName();
            assertThat(name).as("cairn.moduleName (the jar's Automatic-Module-Name) in %s/pom.xml", module.folder())
                    .isNotBlank();
            assertThat(owners.put(name, module.artifactId()))
                    .as("module name %s of %s, already taken", name, module.artifactId()).isNull();
            if (module.publishedJar()) {
                Set<String> packages = module.packages();
                assertThat(packages).as("packages of %s", module.artifactId()).contains(name);
                assertThat(packages).as("packages of %s, all under its module name %s", module.artifactId(), name)
                        .allMatch(pkg -> pkg.equals(name) || pkg.startsWith(name + "."));
            }
        }
    }

    @Test
    void noPackageIsSplitBetweenTwoModules() {
        Map<String, String> owners = new HashMap<>();
        List<String> split = new ArrayList<>();
        for (Module module : MODULES) {
            for (String pkg : module.packages()) {
                String other = owners.put(pkg, module.artifactId());
                if (other != null) {
                    split.add(pkg + " in " + other + " and " + module.artifactId());
                }
            }
        }

        assertThat(split).as("packages in two modules (the module path refuses them)").isEmpty();
    }

    record Module(String folder, String artifactId, String packaging, boolean deploySkipped, String moduleName) {
        /** A jar of classes: packaging jar, or another that makes one, such as maven-plugin. */
        boolean jar() {
            return !packaging.equals("pom");
        }

        boolean publishedJar() {
            return jar() && !deploySkipped;
        }

        /** The packages holding main Java sources, named from their folders. */
        Set<String> packages() {
            Path sources = ROOT.resolve(folder).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                return Set.of();
            }
            try (Stream<Path> files = Files.walk(sources)) {
                return files.filter(file -> file.toString().endsWith(".java"))
                        .map(file -> sources.relativize(file.getParent()).toString().replace('/', '.'))
                        .collect(Collectors.toCollection(TreeSet::new));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<Module> modules() {
        List<Module> modules = new ArrayList<>();
        for (Element folder : children(child(pom(ROOT.resolve("pom.xml")), "modules"), "module")) {
            String name = folder.getTextContent().strip();
            Element pom = pom(ROOT.resolve(name).resolve("pom.xml"));
            Element properties = child(pom, "properties");
            String packaging = child(pom, "packaging") == null ? "jar" : text(pom, "packaging");
            modules.add(new Module(name, text(pom, "artifactId"), packaging,
                    "true".equals(properties == null ? null : text(properties, "maven.deploy.skip")),
                    properties == null ? null : text(properties, "cairn.moduleName")));
        }
        return modules;
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> result = new TreeSet<>(left);
        result.removeAll(right);
        return result;
    }

    private static Element pom(Path file) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("Could not read " + file, e);
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().strip();
    }
}
