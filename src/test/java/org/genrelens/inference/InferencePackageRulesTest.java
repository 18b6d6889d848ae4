package org.genrelens.inference;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** The inference package's share of the house layering: no UI, no DJL, logging instead of System.out. */
class InferencePackageRulesTest {

    private final JavaClasses inference = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.genrelens.inference");

    @Test
    void inferenceUsesNeitherJavaFxNorDjl() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "ai.djl..")
                .check(inference);
    }

    @Test
    void inferenceDoesNotWriteToStandardStreams() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(inference);
    }
}
