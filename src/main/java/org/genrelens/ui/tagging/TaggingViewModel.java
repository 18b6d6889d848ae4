package org.genrelens.ui.tagging;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.genrelens.tags.TagJournal;
import org.genrelens.tags.TagPlan;
import org.genrelens.tags.TagPolicy;
import org.genrelens.tags.WriteReport;
import org.genrelens.ui.common.BackgroundRunner;
import org.genrelens.ui.common.ErrorReporter;
import org.genrelens.workspace.LibraryTagPlanner;
import org.genrelens.workspace.Workspace;

/**
 * Tagging: choose the policy and the confidence threshold, review exactly what would be written (a dry run), write
 * it (journaled first), and undo any past batch from the history.
 */
public final class TaggingViewModel {

    private final Workspace workspace;
    private final BackgroundRunner runner;
    private final ErrorReporter errors;
    private final Supplier<List<Long>> selectedTracks;
    private final Runnable libraryChanged;

    private final ObjectProperty<TagPolicy.Mode> policy = new SimpleObjectProperty<>(TagPolicy.Mode.EMPTY);
    private final DoubleProperty minConfidence = new SimpleDoubleProperty(0.5);
    private final BooleanProperty onlySelected = new SimpleBooleanProperty(false);
    private final ObservableList<PlannedChange> changes = FXCollections.observableArrayList();
    private final ObservableList<TagPlan.Skipped> skipped = FXCollections.observableArrayList();
    private final ObservableList<TagJournal.Batch> history = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("Review the changes before writing anything.");
    private final BooleanProperty canApply = new SimpleBooleanProperty(false);
    private LibraryTagPlanner.PlannedTags reviewed;

    public TaggingViewModel(Workspace workspace, BackgroundRunner runner, ErrorReporter errors,
            Supplier<List<Long>> selectedTracks, Runnable libraryChanged) {
        this.workspace = workspace;
        this.runner = runner;
        this.errors = errors;
        this.selectedTracks = selectedTracks;
        this.libraryChanged = libraryChanged;
        var settings = workspace.settings();
        policy.set(TagPolicy.Mode.parse(settings.tagPolicy()));
        minConfidence.set(settings.minConfidence());
        policy.addListener((o, before, after) -> invalidate());
        minConfidence.addListener((o, before, after) -> invalidate());
        onlySelected.addListener((o, before, after) -> invalidate());
    }

    /** Plans the tags as a dry run; nothing is written. */
    public void review() {
        TagPolicy tagPolicy = new TagPolicy(policy.get(), (float) minConfidence.get());
        List<Long> tracks = onlySelected.get() ? selectedTracks.get() : List.of();
        if (onlySelected.get() && tracks.isEmpty()) {
            summary.set("No songs are selected in the library.");
            return;
        }
        rememberChoices();
        runner.run("Planning tags", (progress, cancellation) ->
                workspace.tagPlanner().plan(tagPolicy, tracks, progress, cancellation), planned -> {
                    reviewed = planned;
                    changes.setAll(planned.plan().changes().stream().map(PlannedChange::of).toList());
                    skipped.setAll(planned.plan().skipped());
                    long failed = planned.plan().skipped().stream().filter(TagPlan.Skipped::failed).count();
                    summary.set(String.format(Locale.ROOT, "%d change(s) would be written; %d song(s) left as they "
                            + "are%s.", changes.size(), skipped.size() - failed,
                            failed > 0 ? ", " + failed + " cannot be read" : ""));
                    canApply.set(!changes.isEmpty());
                }, error -> errors.show("Could not plan the tags", error));
    }

    /** Writes the reviewed plan; each change is journaled before the file is touched. */
    public void apply() {
        LibraryTagPlanner.PlannedTags planned = reviewed;
        if (planned == null || planned.plan().changes().isEmpty()) {
            return;
        }
        canApply.set(false);
        runner.run("Writing tags", (progress, cancellation) ->
                workspace.tagPlanner().apply(planned, progress, cancellation), report -> {
                    summary.set(describe(report, "Wrote", "tag(s)"));
                    changes.clear();
                    reviewed = null;
                    refreshHistory();
                    libraryChanged.run();
                }, error -> errors.show("Writing tags stopped", error));
    }

    /** Restores every file of a batch to its exact previous values. */
    public void undo(TagJournal.Batch batch) {
        if (batch == null) {
            return;
        }
        runner.run("Undoing batch " + batch.id(), (progress, cancellation) ->
                workspace.undo(batch.id(), progress, cancellation), report -> {
                    summary.set(describe(report, "Restored", "tag(s) of batch " + batch.id()));
                    refreshHistory();
                    libraryChanged.run();
                }, error -> errors.show("Undo stopped", error));
    }

    public void refreshHistory() {
        runner.load((progress, cancellation) -> workspace.tagBatches(),
                history::setAll, error -> errors.show("Could not read the history", error));
    }

    private static String describe(WriteReport report, String verb, String what) {
        String text = String.format(Locale.ROOT, "%s %d %s (batch %d).", verb, report.applied().size(), what,
                report.batchId());
        if (!report.failures().isEmpty()) {
            text += " " + report.failures().size() + " file(s) refused: " + report.failures().get(0).file()
                    .getFileName() + ": " + report.failures().get(0).message();
        }
        return text;
    }

    private void invalidate() {
        reviewed = null;
        canApply.set(false);
        changes.clear();
        skipped.clear();
        summary.set("Review the changes before writing anything.");
    }

    private void rememberChoices() {
        try {
            workspace.saveSettings(workspace.settings().withTagging(policy.get().cliName(),
                    (float) minConfidence.get()));
        } catch (java.io.IOException e) {
            errors.show("Could not save the settings", e);
        }
    }

    public ObjectProperty<TagPolicy.Mode> policyProperty() { return policy; }
    public DoubleProperty minConfidenceProperty() { return minConfidence; }
    public BooleanProperty onlySelectedProperty() { return onlySelected; }
    public ObservableList<PlannedChange> changes() { return changes; }
    public ObservableList<TagPlan.Skipped> skipped() { return skipped; }
    public ObservableList<TagJournal.Batch> history() { return history; }
    public StringProperty summaryProperty() { return summary; }
    public BooleanProperty canApplyProperty() { return canApply; }
}
