package org.genrelens.ui.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.genrelens.training.evaluation.ModelScore;
import org.junit.jupiter.api.Test;

class ModelChoiceTest {

    private static final Optional<ModelScore> ACTIVE = Optional.of(new ModelScore(0.818, "5-fold-by-clip", 161));

    @Test
    void aModelThatScoresLowerIsInstalledOnlyAfterAYesAndBothScoresAreNamed() {
        ModelChoice choice = ModelChoice.compare(Optional.of(new ModelScore(0.70, "3-fold-by-clip", 40)), ACTIVE);
        assertTrue(choice.askFirst());
        assertTrue(choice.text().contains("balanced accuracy 0.700 (3-fold-by-clip, 40 clips, track level)"),
                choice.text());
        assertTrue(choice.text().contains("balanced accuracy 0.818 (5-fold-by-clip, 161 clips, track level)"),
                choice.text());
        assertTrue(choice.text().contains("scores lower"), choice.text());
    }

    @Test
    void aModelThatScoresAtLeastAsWellIsInstalledWithoutAQuestion() {
        assertFalse(ModelChoice.compare(Optional.of(new ModelScore(0.818, "5-fold-by-clip", 161)), ACTIVE).askFirst());
        assertFalse(ModelChoice.compare(Optional.of(new ModelScore(0.90, "5-fold-by-clip", 161)), ACTIVE).askFirst());
    }

    @Test
    void anUnmeasuredModelOnEitherSideIsAskedAbout() {
        ModelChoice unmeasured = ModelChoice.compare(Optional.empty(), ACTIVE);
        assertTrue(unmeasured.askFirst());
        assertTrue(unmeasured.text().contains("was not cross-validated"), unmeasured.text());
        assertTrue(ModelChoice.compare(ACTIVE, Optional.empty()).askFirst());
    }

    @Test
    void aFineTuningScoredOnlyOnClipsItsStartHadHeardIsAskedAboutAndSaysWhy() {
        ModelChoice choice = ModelChoice.compare(Optional.empty(), Optional.of("the model it was fine-tuned from had "
                + "learned from all 24 clips it was cross-validated on, so that score would flatter it"), ACTIVE);

        assertTrue(choice.askFirst());
        assertTrue(choice.text().startsWith("The trained model has no score: the model it was fine-tuned from"),
                choice.text());
        assertFalse(choice.text().contains("not cross-validated"), choice.text());
    }
}
