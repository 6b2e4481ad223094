package dev.backprop;

import java.util.regex.Pattern;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules that keep the house readable: see ../README.md "Code map". */
@AnalyzeClasses(packages = "dev.backprop",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeAotGenerated.class})
class ArchitectureTest {

    /**
     * Spring's ahead-of-time wiring, which process-aot compiles into target/classes once the jar has been packaged
     * (bean definitions, autowiring, repositories, configuration class subclasses): generated, so not held to these
     * rules; it wires every package to every other.
     */
    static final class DoNotIncludeAotGenerated implements ImportOption {

        private static final Pattern GENERATED = Pattern.compile(".*(__|\\$\\$SpringCGLIB\\$\\$)[^/]*\\.class$");

        @Override
        public boolean includes(Location location) {
            return !location.matches(GENERATED);
        }
    }

    @ArchTest
    static final ArchRule onlyTheEngineTouchesDeepLearning4j = noClasses()
            .that().resideOutsideOfPackage("dev.backprop.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
            .because("the engine is the only door to DL4J; everything else speaks our own types");

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(RestControllerAdvice.class)
            .should().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule servicesDoNotDependOnTheWebLayer = noClasses()
            .that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule domainExceptionsAndServicesKnowNothingAboutHttp = noClasses()
            .that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..", "org.springframework.web..",
                    "jakarta.servlet..");

    @ArchTest
    static final ArchRule entitiesStayInsideTheirFeature = classes()
            .that().areAnnotatedWith(Entity.class)
            .should().notBePublic()
            .because("entities never leave the service layer; other features and the web layer get records");

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("dev.backprop.(*)..").should().beFreeOfCycles();
}
