package org.genrelens.tags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Size and modification time of a file: how a writer tells that a file changed since it was scanned. */
public record FileStamp(long size, long modifiedMillis) {

    public static FileStamp of(Path file) throws IOException {
        return new FileStamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
    }
}
