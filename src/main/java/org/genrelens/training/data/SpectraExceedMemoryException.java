package org.genrelens.training.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.genrelens.features.FeatureSpec;

/**
 * The clips' spectra would take more memory than training may give them, and no disk cache can hold the rest: said
 * before Java runs out of memory, with what they need and what to do. Nothing is lost; the clips already cached on
 * disk stay there.
 */
public final class SpectraExceedMemoryException extends IllegalStateException {

    private final long bytes;

    /** One clip's spectrum did not fit; {@link SpectrumCache} says the rest. */
    SpectraExceedMemoryException(long bytes) {
        super("a spectrum of " + bytes + " bytes does not fit the memory budget");
        this.bytes = bytes;
    }

    SpectraExceedMemoryException(FeatureSpec spec, long clipsRead, int clips, long bytes, long budget,
            Optional<Path> directory) {
        super(String.format(Locale.ROOT, "the spectra of %d of %d clips already take %d MB, more than the %d MB "
                        + "training may give them (of the %d MB this Java may use), with %d × %d-band tiles every %d "
                        + "samples, and %s; train on fewer or shorter clips, give Java more memory (-Xmx), or choose a "
                        + "model with smaller tiles",
                clipsRead, clips, bytes >> 20, budget >> 20, Runtime.getRuntime().maxMemory() >> 20,
                spec.channels(), spec.height(), spec.hopLength(),
                directory.map(d -> "the spectrum cache " + d + " cannot hold the rest (is it writable?)")
                        .orElse("no spectrum cache folder was given to hold the rest (--cache DIR)")));
        this.bytes = bytes;
    }

    long bytes() {
        return bytes;
    }
}
