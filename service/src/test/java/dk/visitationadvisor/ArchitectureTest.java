package dk.visitationadvisor;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/** The boundaries between the feature packages. */
@AnalyzeClasses(packages = "dk.visitationadvisor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The JSON API's endpoints speak of the features' services, never of the rule engine they use. */
    @ArchTest
    static final ArchRule endpointsDoNotTouchTheRuleEngine = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..", "..ruleengine..");

    @ArchTest
    static final ArchRule caseworkerPagesDoNotTouchTheRuleEngine = noClasses().that()
            .resideInAPackage("..caseworker..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..", "..ruleengine..");

    @ArchTest
    static final ArchRule ruleEngineKnowsNoHttp = noClasses().that().resideInAPackage("..ruleengine..")
            .should().dependOnClassesThat().resideInAnyPackage("..platform.http..", "org.springframework.web..",
                    "org.springframework.http..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule factsAreThePlainVocabularyOfTheRules = noClasses().that().resideInAPackage("..facts..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "..assessment..",
                    "..ruleengine..", "..platform.http..", "..explanation..");

    @ArchTest
    static final ArchRule onlyTheAssessmentAndRuleEngineUseTheKieApi = noClasses().that()
            .resideOutsideOfPackages("..ruleengine..", "..facts..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..");

    /**
     * A cycle between packages means neither can be understood, tested or moved alone. Every package is a
     * slice, a feature's sub-packages too (assessment.whatif builds on assessment, never the other way).
     */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dk.visitationadvisor.(**)")
            .should().beFreeOfCycles();

    /** Shared plumbing names no feature, so that any feature may use it without a cycle. */
    @ArchTest
    static final ArchRule platformKnowsNoFeature = noClasses().that().resideInAPackage("dk.visitationadvisor.platform..")
            .should().dependOnClassesThat(resideInAPackage("dk.visitationadvisor..")
                    .and(resideOutsideOfPackage("dk.visitationadvisor.platform..")));
}
