package org.genrelens.ui.common;

/** Shows an error to the user; the app shows a dialog, tests collect the messages. */
@FunctionalInterface
public interface ErrorReporter {

    void show(String title, Throwable error);

    /** The message a person should read: the exception's own message, without class names when there is one. */
    static String readable(Throwable error) {
        Throwable shown = error;
        while (shown.getCause() != null && (shown.getMessage() == null || shown.getMessage().isBlank()
                || shown instanceof java.util.concurrent.ExecutionException)) {
            shown = shown.getCause();
        }
        String message = shown.getMessage();
        return message == null || message.isBlank() ? shown.getClass().getSimpleName() : message;
    }
}
