package com.javadoor.shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.javadoor.shop.events.EventType;
import com.javadoor.shop.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps {@code docs/architecture.svg} true to the code. The picture marks what it names with classes:
 * a {@code service} is a module with an application, a {@code port} is that module's server port, a
 * {@code topic} is declared in the code, a {@code group} is a configured consumer group, an
 * {@code event} is a type of the contract.
 */
class DiagramTests {

    private static final Pattern CONFIGURED_GROUP = Pattern.compile("(?:group-id|application-id):\\s*([\\w.-]+)");
    private static final Pattern LISTENER_GROUP = Pattern.compile("@KafkaListener\\(id = \"([\\w.-]+)\"");

    private static Path repository;
    private static Document diagram;

    @BeforeAll
    static void readDiagram() throws Exception {
        repository = Path.of(System.getProperty("shop.repository"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        diagram = factory.newDocumentBuilder().parse(repository.resolve("docs/architecture.svg").toFile());
    }

    @Test
    void drawsEveryServiceAndOnlyModulesThatAreServices() {
        assertThat(texts(diagram.getDocumentElement(), "service"))
                .containsExactlyInAnyOrderElementsOf(servicesInRepository());
    }

    @Test
    void givesEachServiceItsServerPort() {
        for (Element box : elements(diagram.getDocumentElement(), "g", "service-box")) {
            String service = texts(box, "service").get(0);
            String port = texts(box, "port").get(0).replaceFirst("^:(\\d+).*", "$1");
            assertThat(read(repository.resolve(service).resolve("src/main/resources/application.yml")))
                    .as("server port of %s", service)
                    .containsPattern("(?m)^server:\\s*\\n\\s+port:\\s*" + port + "\\s*$");
        }
    }

    @Test
    void namesOnlyTopicsTheCodeDeclaresAndEveryTopicOfTheContract() {
        Set<String> constants = topicConstants();
        List<String> topics = texts(diagram.getDocumentElement(), "topic");

        assertThat(topics).containsAll(Arrays.stream(EventType.values()).map(EventType::topic).toList());
        assertThat(topics).allSatisfy(topic -> assertThat(constants.contains(topic) || inSomeModulesCode(topic))
                .as("topic %s is a constant of Topics or a literal in a module's code", topic).isTrue());
        List<String> deadLetterTopics = texts(diagram.getDocumentElement(), "dlt").stream()
                .flatMap(line -> Arrays.stream(line.split("·"))).map(String::trim).toList();
        assertThat(deadLetterTopics).isNotEmpty().allSatisfy(topic -> {
            assertThat(topic).endsWith(Topics.DEAD_LETTER_SUFFIX);
            assertThat(constants).contains(topic.substring(0, topic.length() - Topics.DEAD_LETTER_SUFFIX.length()));
        });
    }

    @Test
    void namesEveryConsumerGroupTheServicesConfigureAndNoOther() {
        assertThat(Set.copyOf(texts(diagram.getDocumentElement(), "group")))
                .containsExactlyInAnyOrderElementsOf(configuredConsumerGroups());
    }

    @Test
    void namesOnlyEventTypesOfTheContract() {
        assertThat(texts(diagram.getDocumentElement(), "event")).isNotEmpty()
                .allSatisfy(event -> assertThat(EventType.named(event)).as(event).isPresent());
    }

    @Test
    void carriesTheCaption() {
        assertThat(texts(diagram.getDocumentElement(), "caption")).containsExactly("javadoor.com");
    }

    private static List<String> servicesInRepository() {
        try (Stream<Path> modules = Files.list(repository)) {
            return modules.filter(module -> sources(module, "Application.java").findAny().isPresent())
                    .map(module -> module.getFileName().toString()).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Set<String> configuredConsumerGroups() {
        Stream<String> inSettings = allModules().map(module -> module.resolve("src/main/resources/application.yml"))
                .filter(Files::exists).map(DiagramTests::read).flatMap(yml -> matches(CONFIGURED_GROUP, yml));
        // A listener's id is its group unless it says otherwise; the four services' listeners say so.
        Stream<String> inListeners = allModules().flatMap(module -> sources(module, ".java")).map(DiagramTests::read)
                .filter(java -> !java.contains("idIsGroup = false")).flatMap(java -> matches(LISTENER_GROUP, java));
        Set<String> groups = Stream.concat(inSettings, inListeners).collect(Collectors.toSet());
        assertThat(groups).as("consumer groups found in the code").isNotEmpty();
        return groups;
    }

    private static boolean inSomeModulesCode(String literal) {
        return allModules().flatMap(module -> sources(module, ".java"))
                .anyMatch(source -> read(source).contains("\"" + literal + "\""));
    }

    private static Set<String> topicConstants() {
        return Arrays.stream(Topics.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(DiagramTests::valueOf).collect(Collectors.toSet());
    }

    private static String valueOf(Field field) {
        try {
            return (String) field.get(null);
        }
        catch (IllegalAccessException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The text of every {@code <text>} or {@code <tspan>} below {@code root} with the given class. */
    private static List<String> texts(Element root, String cssClass) {
        List<String> texts = new ArrayList<>();
        for (String tag : List.of("text", "tspan")) {
            elements(root, tag, cssClass).forEach(text -> texts.add(text.getTextContent().trim()));
        }
        return texts;
    }

    private static List<Element> elements(Element root, String tag, String cssClass) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (Arrays.asList(element.getAttribute("class").split("\\s+")).contains(cssClass)) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static Stream<Path> allModules() {
        try (Stream<Path> entries = Files.list(repository)) {
            return entries.filter(entry -> Files.isDirectory(entry.resolve("src/main"))).toList().stream();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Stream<Path> sources(Path module, String suffix) {
        Path main = module.resolve("src/main/java");
        if (!Files.isDirectory(main)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).toList().stream();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Stream<String> matches(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found.stream();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
