package org.genrelens.tags;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** The tags package's share of the house layering, and JAudioTagger kept inside it. */
class TagsPackageRulesTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.genrelens");

    @Test
    void tagsUsesNoUiNoModelRuntimesAndNoStandardStreams() {
        noClasses().that().resideInAPackage("org.genrelens.tags..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "ai.djl..", "ai.onnxruntime..", "java.sql..").check(ALL);
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(
                ALL.that(com.tngtech.archunit.base.DescribedPredicate.describe("in tags",
                        c -> c.getPackageName().startsWith("org.genrelens.tags"))));
    }

    @Test
    void onlyTheTagsPackageTouchesJaudiotagger() {
        noClasses().that().resideOutsideOfPackage("org.genrelens.tags..").should().dependOnClassesThat()
                .resideInAPackage("org.jaudiotagger..").check(ALL);
    }
}
