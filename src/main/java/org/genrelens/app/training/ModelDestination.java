package org.genrelens.app.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.genrelens.workspace.AppPaths;
import org.genrelens.workspace.InstalledModels;

/**
 * Where {@code train}, {@code baseline} and {@code export} write a model when {@code --out} does not say: a new,
 * dated file in the user's data folder, where the desktop app finds it. The bundled {@code models/} folder is only
 * written when {@code --out} names it.
 */
public final class ModelDestination {

    static final String DEFAULT_DESCRIPTION = "a new dated FILE.onnx in the models folder of the user's data folder, "
            + "where the desktop app lists it";

    private ModelDestination() {
    }

    static Path orDefault(Path out, String name) throws IOException {
        return out != null ? out : new InstalledModels(AppPaths.defaults(Optional.empty())).newModelFile(name);
    }
}
