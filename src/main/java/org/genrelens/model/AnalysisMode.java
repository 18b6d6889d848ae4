package org.genrelens.model;

/**
 * How much of a track an analysis looked at. A full analysis supersedes a quick one of the same audio, model and
 * FeatureSpec.
 */
public enum AnalysisMode {
    /** Every window of the track (the model's window hop). */
    FULL,
    /** A few windows spread over the track, decoding only those parts where the file allows seeking. */
    QUICK
}
