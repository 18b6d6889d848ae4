package org.genrelens.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.genrelens.features.FeatureSpec;
import org.genrelens.inference.ModelCard;
import org.genrelens.training.card.EnsembleDescription;
import org.genrelens.training.card.StatisticsModelSpec;
import org.genrelens.training.cnn.ModelSpec;
import org.genrelens.training.cnn.TrainingSettings;
import org.genrelens.training.cnn.WeightSource;

/**
 * A model to fine-tune, read from its card: the FeatureSpec and network it was trained with, its labels and training
 * settings, so that nothing has to be typed again. Refuses, saying why, a model that is not one network (or an ensemble
 * of seeds of one network) this project trained: a statistics baseline, an ensemble with a regression member, a card
 * without a network description.
 *
 * @param model    the ONNX file
 * @param card     its card
 * @param network  its network, as the card describes it
 * @param settings the settings it was trained with, if the card records them in the current form
 * @param networks how many networks of that spec it averages (train --seeds); fine-tuning keeps the number and
 *                 starts each from its own
 */
public record FineTuneStart(Path model, ModelCard card, ModelSpec network, java.util.Optional<TrainingSettings> settings,
        int networks) {

    /**
     * @throws IllegalArgumentException saying why the model cannot be fine-tuned and what to do instead
     * @throws IOException              if the model or its card cannot be read
     */
    public static FineTuneStart read(Path model) throws IOException {
        if (!Files.isRegularFile(model)) {
            throw new NoSuchFileException(model.toString(), null, "no such model file; pick a .onnx file");
        }
        ModelCard card = ModelCard.read(ModelCard.cardPathFor(model));
        Map<String, Object> spec = card.modelSpec();
        Optional<StatisticsModelSpec> statistics;
        Optional<EnsembleDescription> ensemble;
        try {
            statistics = StatisticsModelSpec.of(spec);
            ensemble = EnsembleDescription.inModelSpec(spec);
        } catch (IllegalArgumentException e) {
            throw refused(model, "its card's model spec is damaged (" + e.getMessage() + ")");
        }
        if (statistics.isPresent()) {
            throw refused(model, "it is the statistics baseline (a logistic regression), not a network; train a network "
                    + "from scratch instead");
        }
        int networks = 1;
        if (ensemble.isPresent()) {
            List<EnsembleDescription.Member> members = ensemble.get().members();
            if (members.stream().anyMatch(member -> !(member instanceof EnsembleDescription.NetworkMember))) {
                throw refused(model, "it averages " + members.size() + " separately fitted models of different "
                        + "kinds in one graph; fine-tune a network or an ensemble of seeds of one network (a model "
                        + "trained without --cepstral-member), or train from scratch");
            }
            networks = members.size();
        }
        ModelSpec network;
        try {
            network = ModelSpec.fromMap(spec);
        } catch (IllegalArgumentException e) {
            throw refused(model, "its card does not describe a network (" + e.getMessage() + ")");
        }
        FeatureSpec features = card.featureSpec();
        if (network.inputChannels() != features.channels() || network.classes() != card.labels().size()) {
            throw refused(model, "its card's network (" + network.inputChannels() + " channel(s), " + network.classes()
                    + " classes) does not match its tiles and labels; the card was edited or damaged");
        }
        return new FineTuneStart(model, card, network, TrainingSettingsCard.read(spec.get("training")), networks);
    }

    /** The configuration fine-tuning starts from: the model's tiles, network and (when recorded) settings. */
    public TrainingConfig config(TrainingConfig defaults) {
        return new TrainingConfig(card.featureSpec(), network, settings.orElse(defaults.settings()),
                java.util.Optional.empty());
    }

    public List<String> labels() {
        return card.labels();
    }

    /** The clips the model learned from, as its card keeps them (none for a card older than that record). */
    public org.genrelens.training.card.HeardClips heardClips() {
        return org.genrelens.training.card.HeardClips.of(card);
    }

    /**
     * The weights to start from: the whole network (each member's own for an ensemble of seeds), with a fresh output
     * layer when the genres differ.
     */
    public WeightSource weights(List<String> dataLabels) {
        return WeightSource.fromOnnx(model, !dataLabels.equals(card.labels()), networks);
    }

    private static IllegalArgumentException refused(Path model, String why) {
        return new IllegalArgumentException(model + " cannot be fine-tuned: " + why);
    }
}
