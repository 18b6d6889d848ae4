package org.genrelens;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package boundaries of STYLE.md, stated once and checked on every build. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.genrelens");
    }

    @Test
    void modelDependsOnlyOnTheJdk() {
        noClasses().that().resideInAPackage("org.genrelens.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.genrelens.model..")
                .check(production);
    }

    @Test
    void onlyTheUserInterfaceTouchesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.genrelens.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(production);
    }

    @Test
    void onlyInferenceAndTrainingTouchOnnxRuntime() {
        noClasses().that().resideOutsideOfPackages("org.genrelens.inference..", "org.genrelens.training..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.onnxruntime..")
                .check(production);
    }

    @Test
    void onlyTrainingTouchesDjl() {
        noClasses().that().resideOutsideOfPackage("org.genrelens.training..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .check(production);
    }

    @Test
    void onlyTheLibraryTouchesSql() {
        noClasses().that().resideOutsideOfPackage("org.genrelens.library..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
                .check(production);
    }

    @Test
    void onlyTagsTouchJAudioTagger() {
        noClasses().that().resideOutsideOfPackage("org.genrelens.tags..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jaudiotagger..")
                .check(production);
    }

    @Test
    void coreLayersDoNotReachUpIntoTheAppOrTheUi() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.genrelens.model..", "org.genrelens.audio..",
                        "org.genrelens.features..", "org.genrelens.inference..", "org.genrelens.task..",
                        "org.genrelens.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage("org.genrelens.app..", "org.genrelens.ui..");
        rule.check(production);
    }

    @Test
    void theWorkspaceServesTheUiWithoutKnowingIt() {
        noClasses().that().resideInAPackage("org.genrelens.workspace..")
                .should().dependOnClassesThat().resideInAnyPackage("org.genrelens.app..", "org.genrelens.ui..")
                .check(production);
    }

    @Test
    void viewModelsStayTestableWithoutTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(production);
    }

    @Test
    void audioAndFeaturesStayFreeOfModelRuntimes() {
        noClasses().that().resideInAnyPackage("org.genrelens.audio..", "org.genrelens.features..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.onnxruntime..", "ai.djl..")
                .check(production);
    }

    @Test
    void productionCodeDoesNotPrintToStandardStreamsOutsideTheCli() {
        noClasses().that().resideOutsideOfPackage("org.genrelens.app..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(production);
    }
}
