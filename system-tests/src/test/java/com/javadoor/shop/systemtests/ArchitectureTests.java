package com.javadoor.shop.systemtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Keeps the boundaries of the architecture true in the compiled code of every module: services share
 * only the event contract and the messaging library, never each other's code, and the contract stays
 * free of frameworks.
 */
class ArchitectureTests {

    private static final List<String> SERVICES = List.of("orderservice", "paymentservice", "inventoryservice",
            "emailservice");

    private static JavaClasses shop;

    @BeforeAll
    static void importCompiledModules() {
        Path repository = Path.of(System.getProperty("shop.repository"));
        shop = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(Stream.of("common-events", "kafka-messaging", "order-service", "payment-service",
                        "inventory-service", "email-service")
                        .map(module -> repository.resolve(module).resolve("target/classes"))
                        .toList());
    }

    @ParameterizedTest
    @ValueSource(strings = { "orderservice", "paymentservice", "inventoryservice", "emailservice" })
    void aServiceNeverUsesAnotherServicesCode(String service) {
        String[] others = SERVICES.stream().filter(other -> !other.equals(service))
                .map(other -> "com.javadoor.shop." + other + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("com.javadoor.shop." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services talk only through events on Kafka")
                .check(shop);
    }

    @Test
    void theEventContractDependsOnNoFramework() {
        classes().that().resideInAPackage("com.javadoor.shop.events..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("com.javadoor.shop.events..", "java..",
                        "com.fasterxml.jackson.annotation..")
                .because("every consumer, in any stack, must be able to take the contract as it is")
                .check(shop);
    }

    @Test
    void theMessagingLibraryKnowsNoService() {
        noClasses().that().resideInAPackage("com.javadoor.shop.messaging..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream()
                        .map(service -> "com.javadoor.shop." + service + "..").toArray(String[]::new))
                .check(shop);
    }

    @Test
    void controllersListenersAndConfigurationStayPackagePrivate() {
        classes().that().resideInAnyPackage(SERVICES.stream()
                        .map(service -> "com.javadoor.shop." + service + "..").toArray(String[]::new))
                .and().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .or().areAnnotatedWith("org.springframework.kafka.annotation.KafkaListener")
                .or().areAnnotatedWith("org.springframework.context.annotation.Configuration")
                .should().notBePublic()
                .check(shop);
    }
}
