package org.genrelens.ui.train;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.genrelens.inference.ModelCard;
import org.genrelens.training.TrainingRecipe;
import org.genrelens.training.card.CardMetrics;
import org.genrelens.training.card.RecipeMetrics;
import org.genrelens.training.evaluation.ModelScore;
import org.genrelens.ui.common.BackgroundRunner;
import org.genrelens.ui.common.ErrorReporter;
import org.genrelens.workspace.InstalledModels;
import org.genrelens.workspace.Workspace;

/**
 * The Train tab's models: the one just trained, measured beside the one in use; installing it (after a yes when it
 * scores lower or is unmeasured); and switching between installed models, each keeping its analyses.
 */
final class ModelShelf {

    private final Workspace workspace;
    private final BackgroundRunner runner;
    private final ErrorReporter errors;
    private final Runnable reanalyse;
    private final StringProperty comparison = new SimpleStringProperty("");
    private final StringProperty installQuestion = new SimpleStringProperty("");
    private final ObjectProperty<Path> trainedModel = new SimpleObjectProperty<>();
    private final ObservableList<InstalledModels.InstalledModel> models = FXCollections.observableArrayList();
    private final StringProperty activeModel = new SimpleStringProperty("");
    private final ObjectProperty<InstalledModels.InstalledModel> active = new SimpleObjectProperty<>();
    private TrainingRecipe.Outcome trained;
    /** The trained model's card as written to disk, read once when it is offered; empty when unreadable. */
    private Optional<ModelCard> trainedCard = Optional.empty();

    ModelShelf(Workspace workspace, BackgroundRunner runner, ErrorReporter errors, Runnable reanalyse) {
        this.workspace = workspace;
        this.runner = runner;
        this.errors = errors;
        this.reanalyse = reanalyse;
    }

    void clear() {
        trained = null;
        trainedCard = Optional.empty();
        trainedModel.set(null);
        comparison.set("");
    }

    /** A training run finished: its model is the candidate, compared with the model in use. */
    void offer(TrainingRecipe.Outcome outcome) {
        trained = outcome;
        trainedCard = readCard(outcome.model());
        trainedModel.set(outcome.model());
        comparison.set(ModelChoice.compare(candidateScore(), candidateUnscored(), activeScore()).text());
    }

    /** Installs at once when the candidate scores at least as well; otherwise asks through the install question. */
    void useTrainedModel(Supplier<String> name) {
        if (trainedModel.get() == null) {
            return;
        }
        ModelChoice choice = ModelChoice.compare(candidateScore(), candidateUnscored(), activeScore());
        if (choice.askFirst()) {
            installQuestion.set(choice.text() + " Install it anyway?");
            return;
        }
        confirmInstall(name);
    }

    /** Installs the trained model, switches to it and re-analyses the library in the background. */
    void confirmInstall(Supplier<String> name) {
        installQuestion.set("");
        Path model = trainedModel.get();
        if (model == null) {
            return;
        }
        runner.run("Installing the model", (progress, cancellation) -> {
            InstalledModels.InstalledModel installed = workspace.models().install(model, name.get());
            workspace.useModel(installed);
            return installed;
        }, installed -> {
            refresh(() -> { });
            reanalyse.run();
        }, error -> errors.show("Could not use the model", error));
    }

    void declineInstall() {
        installQuestion.set("");
    }

    /** Switches back (or forward) to any installed model and re-analyses. */
    void switchTo(InstalledModels.InstalledModel model) {
        if (model == null) {
            return;
        }
        runner.run("Switching model", (progress, cancellation) -> {
            workspace.useModel(model);
            return model;
        }, used -> {
            refresh(() -> { });
            reanalyse.run();
        }, error -> errors.show("Could not switch to " + model.displayName(), error));
    }

    void refresh(Runnable then) {
        runner.load((progress, cancellation) -> workspace.models().list(), list -> {
            models.setAll(list);
            Optional<InstalledModels.InstalledModel> inUse = workspace.models().active(workspace.settings());
            active.set(inUse.orElse(null));
            inUse.ifPresent(m -> activeModel.set(m.displayName()
                    + CardMetrics.headlineOf(m.card()).map(score -> ", " + score.describe()).orElse("")));
            then.run();
        }, error -> errors.show("Could not list the models", error));
    }

    Optional<Path> activeModelFile() {
        return workspace.models().active(workspace.settings()).map(InstalledModels.InstalledModel::file);
    }

    /** The trained model's card's headline: the score the status bar will show once it is in use. */
    private Optional<ModelScore> candidateScore() {
        return trainedCard.flatMap(CardMetrics::headlineOf);
    }

    /** Why a cross-validated candidate has no score (its start had heard every held-out clip). */
    private Optional<String> candidateUnscored() {
        return recipeMetrics().flatMap(RecipeMetrics::unscoredBecause);
    }

    /** How many of the trained model's held-out clips the model it was fine-tuned from had learned, if any. */
    Optional<Integer> heldOutClipsTheStartHeard() {
        return recipeMetrics().flatMap(RecipeMetrics::withoutHeardClips)
                .map(RecipeMetrics.WithoutHeardClips::heldOutClips);
    }

    private Optional<RecipeMetrics> recipeMetrics() {
        try {
            return trainedCard.flatMap(card -> CardMetrics.of(card) instanceof RecipeMetrics metrics
                    ? Optional.of(metrics) : Optional.empty());
        } catch (IllegalArgumentException damaged) {
            return Optional.empty(); // like an unreadable card: no score, so installing asks first
        }
    }

    /** The card as written beside the trained model, read as the status bar will read it once it is in use. */
    private static Optional<ModelCard> readCard(Path model) {
        try {
            return Optional.of(ModelCard.read(ModelCard.cardPathFor(model)));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty(); // unmeasured: installing it then needs the user's yes
        }
    }

    private Optional<ModelScore> activeScore() {
        return workspace.models().active(workspace.settings()).flatMap(m -> CardMetrics.headlineOf(m.card()));
    }

    StringProperty comparisonProperty() { return comparison; }
    StringProperty installQuestionProperty() { return installQuestion; }
    ObjectProperty<Path> trainedModelProperty() { return trainedModel; }
    ObservableList<InstalledModels.InstalledModel> models() { return models; }
    StringProperty activeModelProperty() { return activeModel; }
    ObjectProperty<InstalledModels.InstalledModel> activeProperty() { return active; }
}
