package org.carpentries.amy.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** The module rules of DESIGN.md, checked on the compiled classes of every module. */
class ModuleRulesTest {

    private static final JavaClasses AMY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.carpentries.amy");

    @Test
    void theCommandSideKnowsNeitherTheReadSideNorTheWeb() {
        noClasses().that().resideInAPackage("org.carpentries.amy.command..")
                .should().dependOnClassesThat().resideInAnyPackage("org.carpentries.amy.query..",
                        "org.carpentries.amy.api..", "org.springframework.web..", "jakarta.servlet..",
                        "jakarta.persistence..")
                .check(AMY);
    }

    @Test
    void theReadSideUsesOnlyTheCommandSidesEventsAndSharedVocabulary() {
        noClasses().that().resideInAPackage("org.carpentries.amy.query..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "command-side classes outside the events packages and the shared vocabulary",
                        c -> c.getPackageName().startsWith("org.carpentries.amy.command")
                                && !c.getPackageName().equals("org.carpentries.amy.command")
                                && !c.getPackageName().endsWith(".events")))
                .check(AMY);
    }

    @Test
    void theReadSideKnowsNeitherTheApiNorTheWeb() {
        noClasses().that().resideInAPackage("org.carpentries.amy.query..")
                .should().dependOnClassesThat().resideInAnyPackage("org.carpentries.amy.api..",
                        "org.springframework.web..", "jakarta.servlet..")
                .check(AMY);
    }

    @Test
    void eventsAreRevisionedRecordsThatDependOnNothingButTheirPackage() {
        classes().that().resideInAPackage("org.carpentries.amy.command..events")
                .and(com.tngtech.archunit.base.DescribedPredicate.describe("implement an aggregate's event marker",
                        c -> c.getAllRawInterfaces().stream().anyMatch(i -> i.getSimpleName().endsWith("Event"))))
                .should().beAnnotatedWith(Revision.class)
                .check(AMY);
        classes().that().resideInAPackage("org.carpentries.amy.command..events").and().areNotInterfaces()
                .and().areNotEnums().and().areTopLevelClasses()
                .should().beRecords()
                .check(AMY);
        noClasses().that().resideInAPackage("org.carpentries.amy.command..events")
                .should().dependOnClassesThat().resideInAnyPackage("org.carpentries.amy.api..",
                        "org.carpentries.amy.query..", "org.springframework..")
                .check(AMY);
    }

    @Test
    void messagesHaveNoCommandOrEventSuffix() {
        noClasses().that().resideInAPackage("org.carpentries.amy.command..")
                .should().haveSimpleNameEndingWith("Command").orShould().haveSimpleNameEndingWith("Event")
                .andShould().notBeInterfaces()
                .check(AMY);
    }
}
