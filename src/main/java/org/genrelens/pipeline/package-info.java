/** Analysing many files: one pipeline (read, decode, analyse, hand on in order) with one per-file failure policy. */
package org.genrelens.pipeline;
