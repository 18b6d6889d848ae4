package org.genrelens.tags;

/**
 * What the user chooses about tag writes.
 *
 * @param keepModificationTime keep each file's modification time instead of moving it to the time of the write
 *                             (decision 0012: off by default, so backup tools and players see that the tags changed)
 */
public record TagWriteOptions(boolean keepModificationTime) {

    public static TagWriteOptions defaults() {
        return new TagWriteOptions(false);
    }
}
