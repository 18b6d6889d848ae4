package org.genrelens.app;

import org.genrelens.inference.TrackAnalyzer;
import org.genrelens.model.AnalysisMode;
import org.genrelens.pipeline.AnalysisStage;

/** How the commands that analyse files build their pipeline stage; tests give one that fails on purpose. */
@FunctionalInterface
public interface StageFactory {

    StageFactory REAL = AnalysisStage::of;

    AnalysisStage create(TrackAnalyzer analyzer, AnalysisMode mode);
}
