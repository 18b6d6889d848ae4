package org.genrelens.features;

/** The 0 dB reference used when power is turned into decibels. */
public enum DbReference {
    /** 0 dB is power 1.0 (a full-scale sine): tiles keep the track's loudness. */
    ABSOLUTE,
    /** 0 dB is the loudest cell of each tile: tiles do not depend on gain or on how channels were mixed. */
    TILE_MAX
}
