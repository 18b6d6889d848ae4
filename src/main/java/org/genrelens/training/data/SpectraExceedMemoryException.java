package org.genrelens.training.data;

import java.util.Locale;
import org.genrelens.features.FeatureSpec;

/**
 * The clips' spectra would take more memory than training may give them: said before Java runs out of memory, with
 * what they need and what to do. Nothing is lost; the clips already cached on disk stay there.
 */
public final class SpectraExceedMemoryException extends IllegalStateException {

    SpectraExceedMemoryException(FeatureSpec spec, long clipsRead, int clips, long bytes, long budget) {
        super(String.format(Locale.ROOT, "the spectra of %d of %d clips already take %d MB, more than the %d MB "
                        + "training may give them (of the %d MB this Java may use), with %d × %d-band tiles every %d "
                        + "samples; train on fewer or shorter clips, give Java more memory (-Xmx), or choose a model "
                        + "with smaller tiles",
                clipsRead, clips, bytes >> 20, budget >> 20, Runtime.getRuntime().maxMemory() >> 20,
                spec.channels(), spec.height(), spec.hopLength()));
    }
}
