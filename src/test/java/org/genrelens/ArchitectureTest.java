package org.genrelens;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("App").definedBy("org.genrelens.app..")
                .layer("Ui").definedBy("org.genrelens.ui..")
                .layer("Workspace").definedBy("org.genrelens.workspace..")
                .layer("Library").definedBy("org.genrelens.library..")
                .layer("Training").definedBy("org.genrelens.training..")
                .layer("Tags").definedBy("org.genrelens.tags..")
                .layer("Inference").definedBy("org.genrelens.inference..")
                .layer("Signal").definedBy("org.genrelens.audio..", "org.genrelens.features..")
                .layer("Foundation").definedBy("org.genrelens.model..", "org.genrelens.task..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Workspace").mayOnlyBeAccessedByLayers("App", "Ui")
                // the UI shows the library's records (Track, Analysis) that the workspace hands it
                .whereLayer("Library").mayOnlyBeAccessedByLayers("App", "Ui", "Workspace")
                .whereLayer("Training").mayOnlyBeAccessedByLayers("App", "Ui", "Workspace")
                .whereLayer("Tags").mayOnlyBeAccessedByLayers("App", "Ui", "Workspace", "Library")
                .whereLayer("Inference").mayOnlyBeAccessedByLayers("App", "Ui", "Workspace", "Library", "Training")
                .whereLayer("Signal").mayOnlyBeAccessedByLayers("App", "Ui", "Workspace", "Library", "Training",
                        "Inference")
                .because("each layer is then usable and testable without the ones above it: the CLI and the desktop "
                        + "app sit on the same use cases, and the analysis chain runs without a library or a UI")
                .check(production);
    }

    @Test
    void theRoomsOfTrainingAreFreeOfCycles() {
        slices().matching("org.genrelens.training.(*)..").should().beFreeOfCycles()
                .because("each room (data, sampling, cnn, baseline, evaluation, card, onnx, tuning) can then be read, "
                        + "tested and changed knowing only the rooms it uses, never the ones that use it")
                .check(production);
    }

    @Test
    void theRoomsOfTrainingDoNotReachBackIntoTheRecipe() {
        noClasses().that().resideInAPackage("org.genrelens.training.*..")
                .and().resideOutsideOfPackage("org.genrelens.training.tuning..")
                .should().dependOnClassesThat().resideInAPackage("org.genrelens.training")
                .because("the recipe in the root package assembles the rooms; only tuning, which searches over "
                        + "recipe configurations, stands above it")
                .check(production);
    }

    @Test
    void theRecipeDoesNotKnowItsTuner() {
        noClasses().that().resideInAPackage("org.genrelens.training")
                .should().dependOnClassesThat().resideInAPackage("org.genrelens.training.tuning..")
                .because("tuning depends on the recipe's configuration, so a recipe that knew its tuner would close "
                        + "a cycle the slice rule cannot see (the root package is no slice of its own)")
                .check(production);
    }
}
