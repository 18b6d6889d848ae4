package org.genrelens.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Errors as readable dialogs, with the details folded away; every error is also logged. */
public final class ErrorDialogs implements ErrorReporter {

    private static final Logger LOG = Logger.getLogger(ErrorDialogs.class.getName());

    private final Window owner;

    public ErrorDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public void show(String title, Throwable error) {
        LOG.log(Level.WARNING, title, error);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("GenreLens");
        alert.setHeaderText(title);
        alert.setContentText(ErrorReporter.readable(error));
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setPrefRowCount(12);
        alert.getDialogPane().setExpandableContent(details);
        alert.show();
    }
}
