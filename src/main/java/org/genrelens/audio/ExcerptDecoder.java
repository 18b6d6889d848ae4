package org.genrelens.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.genrelens.task.Cancellation;

/**
 * Quick mode's reading of excerpts for {@link AudioDecoder#decodeExcerpts}: each file is inspected and given its
 * excerpts' places from the length its headers announce; WAV/AIFF/AU at the target rate are read by seeking in
 * Java ({@link PcmExcerptReader}), everything else through ffmpeg, several files to one process; what cannot be
 * read that way is decoded whole by the {@link AudioDecoder}, which also judges every error.
 */
final class ExcerptDecoder {

    private static final System.Logger LOG = System.getLogger(ExcerptDecoder.class.getName());

    private final AudioDecoder decoder;

    ExcerptDecoder(AudioDecoder decoder) {
        this.decoder = decoder;
    }

    DecodedExcerpts decode(Path file, int targetRate, int samples, DecodedExcerpts.Plan plan,
            Cancellation cancellation) throws AudioDecodeException {
        return excerpts(prepare(file, targetRate, plan), targetRate, samples, cancellation);
    }

    List<DecodedExcerpts.Outcome> decode(List<Path> files, int targetSampleRate, int samples,
            DecodedExcerpts.Plan plan, Cancellation cancellation) {
        DecodedExcerpts.Outcome[] outcomes = new DecodedExcerpts.Outcome[files.size()];
        List<Prepared> shared = new ArrayList<>();
        List<Integer> sharedIndex = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            try {
                Prepared p = prepare(files.get(i), targetSampleRate, plan);
                prepared.add(p);
                if (p.starts() != null && !p.seeksInJava(targetSampleRate, decoder.ffmpegAvailable())) {
                    shared.add(p);
                    sharedIndex.add(i);
                }
            } catch (AudioDecodeException e) {
                prepared.add(null);
                outcomes[i] = new DecodedExcerpts.Outcome(files.get(i), null, e);
            }
        }
        if (shared.size() > 1) {
            List<DecodedExcerpts> together = sharedFfmpeg(shared, targetSampleRate, samples, cancellation);
            for (int k = 0; together != null && k < together.size(); k++) {
                outcomes[sharedIndex.get(k)] = new DecodedExcerpts.Outcome(shared.get(k).file(), together.get(k),
                        null);
            }
        }
        for (int i = 0; i < files.size(); i++) {
            if (outcomes[i] == null) {
                try {
                    outcomes[i] = new DecodedExcerpts.Outcome(files.get(i),
                            excerpts(prepared.get(i), targetSampleRate, samples, cancellation), null);
                } catch (AudioDecodeException e) {
                    outcomes[i] = new DecodedExcerpts.Outcome(files.get(i), null, e);
                }
            }
        }
        return List.of(outcomes);
    }

    /** A file inspected for quick mode: its starts are null when it must be decoded whole. */
    private record Prepared(Path file, AudioDecoder.Inspected inspected, Optional<StreamHeader> header, long trackSamples,
            long[] starts, boolean pcm) {

        /**
         * WAV/AIFF/AU are read by seeking in Java, unless they need resampling and ffmpeg is there to do it
         * (TarsosDSP's resampler costs more than ffmpeg for the few seconds quick mode reads).
         */
        boolean seeksInJava(int targetRate, boolean ffmpeg) {
            return pcm && (!ffmpeg || header.map(h -> h.sampleRate() == targetRate).orElse(true));
        }
    }

    private Prepared prepare(Path file, int targetRate, DecodedExcerpts.Plan plan) throws AudioDecodeException {
        AudioDecoder.Inspected in = decoder.inspect(file, false); // FLAC frames are checked by the whole-file decode, when it comes to that
        ContainerFormat format = in.sniff().format();
        Optional<StreamHeader> header = in.structure().truncated() || in.structure().damaged() ? Optional.empty()
                : StreamHeader.read(file, in.sniff(), in.structure());
        long trackSamples = header.filter(h -> h.frames() > 0)
                .map(h -> Math.round(h.frames() * (double) targetRate / h.sampleRate())).orElse(-1L);
        long[] starts = trackSamples > 0 ? plan.startSamples(trackSamples) : null;
        boolean pcm = format == ContainerFormat.WAV || format == ContainerFormat.AIFF || format == ContainerFormat.AU;
        return new Prepared(file, in, header, trackSamples, starts, pcm);
    }

    private DecodedExcerpts excerpts(Prepared p, int targetRate, int samples, Cancellation cancellation)
            throws AudioDecodeException {
        Path file = p.file();
        ContainerFormat format = p.inspected().sniff().format();
        long[] starts = p.starts();
        if (starts != null && p.seeksInJava(targetRate, decoder.ffmpegAvailable())) {
            StreamHeader h = p.header().orElseThrow();
            try (Deadline deadline = Deadline.after(p.inspected().limit())) {
                List<float[]> parts = PcmExcerptReader.read(file, h, targetRate, starts, samples, deadline,
                        cancellation);
                if (parts != null) {
                    AudioSource source = new AudioSource(format.label(), h.sampleRate(), h.channels(),
                            h.bitsPerSample(), AudioSource.JVM);
                    return new DecodedExcerpts(parts, starts, targetRate, h.durationSeconds(), p.trackSamples(),
                            source, false, "pcm-seek");
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.INFO, () -> "quick decode of " + file + " failed (" + e.getMessage()
                        + "); decoding the whole file");
            }
        }
        if (starts != null && decoder.ffmpegAvailable()) {
            List<DecodedExcerpts> one = sharedFfmpeg(List.of(p), targetRate, samples, cancellation);
            if (one != null) {
                return one.get(0);
            }
        }
        DecodedAudio audio = decoder.decode(file, targetRate, cancellation);
        return new DecodedExcerpts(List.of(audio.samples()), new long[] {0}, targetRate, audio.durationSeconds(),
                audio.samples().length, audio.source(), true, "whole");
    }

    /** The excerpts of every file through one ffmpeg process; null when it fails or comes out the wrong length. */
    private List<DecodedExcerpts> sharedFfmpeg(List<Prepared> files, int targetRate, int samples,
            Cancellation cancellation) {
        List<FfmpegDecoder.ExcerptSource> sources = new ArrayList<>();
        Duration limit = Duration.ZERO;
        long count = 0;
        for (Prepared p : files) {
            double[] seconds = new double[p.starts().length];
            for (int i = 0; i < seconds.length; i++) {
                seconds[i] = p.starts()[i] / (double) targetRate;
            }
            sources.add(new FfmpegDecoder.ExcerptSource(p.file(), seconds, p.header().orElseThrow().channels()));
            limit = limit.plus(p.inspected().limit());
            count += p.starts().length;
        }
        PcmResult result;
        try (Deadline deadline = Deadline.after(limit)) {
            result = decoder.ffmpeg().decodeExcerpts(sources, targetRate, samples, PcmOutput.collecting(deadline),
                    deadline, cancellation);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, () -> "quick decode through ffmpeg failed: " + e.getMessage());
            return null;
        }
        long expected = count * samples;
        if (result.failed() || result.samples() != expected) {
            LOG.log(System.Logger.Level.INFO, () -> "quick decode of " + files.size() + " file(s) through ffmpeg "
                    + "failed (" + (result.failed() ? result.error() : result.samples() + " samples instead of "
                    + expected) + "); decoding them one by one");
            return null;
        }
        List<DecodedExcerpts> out = new ArrayList<>();
        float[] all = result.output().collected();
        int offset = 0;
        for (Prepared p : files) {
            StreamHeader h = p.header().orElseThrow();
            ContainerFormat format = p.inspected().sniff().format();
            List<float[]> parts = new ArrayList<>();
            for (int i = 0; i < p.starts().length; i++, offset += samples) {
                parts.add(Arrays.copyOfRange(all, offset, offset + samples));
            }
            AudioSource source = new AudioSource(format.label(), h.sampleRate(), h.channels(),
                    format == ContainerFormat.FLAC || p.pcm() ? h.bitsPerSample() : 0, AudioSource.FFMPEG);
            out.add(new DecodedExcerpts(parts, p.starts(), targetRate, h.durationSeconds(), p.trackSamples(), source,
                    false, "ffmpeg-seek"));
        }
        return out;
    }
}
