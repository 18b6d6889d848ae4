package org.genrelens.library;

import java.nio.file.Path;
import java.util.List;
import org.genrelens.task.Cancellation;

/**
 * A scan in its own JVM, for {@link ScanKillResumeTest} to kill: prints "done N" after each file and dawdles a
 * millisecond per file so the kill lands mid-scan. Arguments: database, root, batch size.
 */
public final class ScanChild {

    private ScanChild() {
    }

    public static void main(String[] args) {
        ScanOptions options = ScanOptions.defaults().withBatchSize(Integer.parseInt(args[2])).withBeforeRead(f -> {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (LibraryDatabase db = LibraryDatabase.open(Path.of(args[0]))) {
            new LibraryScanner(db).scan(List.of(Path.of(args[1])), options, (done, total, message) -> {
                if (total > 0) {
                    System.out.println("done " + done);
                    System.out.flush();
                }
            }, Cancellation.none());
        }
        System.out.println("finished");
    }
}
