package org.genrelens.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.nio.file.Path;

/**
 * Creates the ONNX Runtime session on the provider the options ask for. Only a real session creation tells
 * whether CUDA works: {@link OrtEnvironment#getAvailableProviders()} can list CUDA where its libraries or the
 * driver are missing.
 */
final class ExecutionProviderChooser {

    static final String CUDA = "CUDA";
    static final String CPU = "CPU";

    private static final System.Logger LOG = System.getLogger(ExecutionProviderChooser.class.getName());

    /** A live session, the options it must outlive, and the provider that really runs it. */
    record ChosenSession(OrtSession session, SessionOptions options, String provider, String note) {
    }

    private ExecutionProviderChooser() {
    }

    static ChosenSession open(OrtEnvironment env, byte[] model, Path modelFile, ClassifierOptions options)
            throws ModelLoadException {
        String note;
        switch (options.executionPreference()) {
            case CPU -> note = "CPU was requested";
            case CUDA -> {
                try {
                    return openCuda(env, model, options);
                } catch (Throwable e) {
                    throw new ModelLoadException(ModelLoadException.Reason.CUDA_UNAVAILABLE, modelFile,
                            "CUDA was requested for " + modelFile + " but cannot be used: " + cudaProblem(e)
                                    + "; choose AUTO or CPU, or install the GPU build with a CUDA 12 runtime",
                            e);
                }
            }
            default -> {
                try {
                    return openCuda(env, model, options);
                } catch (Throwable e) {
                    // Any failure, including a missing native library (UnsatisfiedLinkError), means CPU.
                    note = cudaProblem(e);
                }
            }
        }
        SessionOptions cpuOptions = baseOptions(options);
        try {
            OrtSession session = env.createSession(model, cpuOptions);
            LOG.log(System.Logger.Level.INFO, "Running {0} on CPU with {1} threads ({2})", modelFile,
                    options.resolvedIntraOpThreads(), note);
            return new ChosenSession(session, cpuOptions, CPU, note);
        } catch (OrtException | RuntimeException e) {
            cpuOptions.close();
            throw new ModelLoadException(ModelLoadException.Reason.RUNTIME_LOAD_FAILED, modelFile,
                    "ONNX Runtime cannot load " + modelFile + ": " + e.getMessage()
                            + "; the file is not a valid ONNX graph for this runtime, re-export it", e);
        }
    }

    private static ChosenSession openCuda(OrtEnvironment env, byte[] model, ClassifierOptions options)
            throws OrtException {
        SessionOptions cudaOptions = baseOptions(options);
        try {
            cudaOptions.addCUDA(0);
            OrtSession session = env.createSession(model, cudaOptions);
            LOG.log(System.Logger.Level.INFO, "Running on CUDA device 0");
            return new ChosenSession(session, cudaOptions, CUDA, "");
        } catch (Throwable e) {
            cudaOptions.close();
            throw e;
        }
    }

    private static SessionOptions baseOptions(ClassifierOptions options) {
        SessionOptions sessionOptions = new SessionOptions();
        try {
            sessionOptions.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            sessionOptions.setIntraOpNumThreads(options.resolvedIntraOpThreads());
            // idle intra-op threads would otherwise spin between runs, taking the cores the decoding workers need
            sessionOptions.addConfigEntry("session.intra_op.allow_spinning", "0");
            return sessionOptions;
        } catch (OrtException e) {
            sessionOptions.close();
            throw new IllegalStateException("ONNX Runtime rejected basic session options", e);
        }
    }

    /** A short, user-facing reason why CUDA did not run. */
    private static String cudaProblem(Throwable e) {
        String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            return "CUDA provider not in this build (" + detail + ")";
        }
        return "CUDA session could not be created (" + detail + ")";
    }
}
