package dk.visitationadvisor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries between the feature packages. */
@AnalyzeClasses(packages = "dk.visitationadvisor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule webDoesNotTouchTheRuleEngine = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..", "..ruleengine..");

    @ArchTest
    static final ArchRule caseworkerPagesDoNotTouchTheRuleEngine = noClasses().that()
            .resideInAPackage("..caseworker..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..", "..ruleengine..");

    @ArchTest
    static final ArchRule ruleEngineKnowsNoHttp = noClasses().that().resideInAPackage("..ruleengine..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "org.springframework.web..",
                    "org.springframework.http..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule factsAreThePlainVocabularyOfTheRules = noClasses().that().resideInAPackage("..facts..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "..assessment..",
                    "..ruleengine..", "..web..", "..explanation..");

    @ArchTest
    static final ArchRule onlyTheAssessmentAndRuleEngineUseTheKieApi = noClasses().that()
            .resideOutsideOfPackages("..ruleengine..", "..facts..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..");
}
