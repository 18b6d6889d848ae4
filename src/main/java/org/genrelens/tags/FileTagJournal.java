package org.genrelens.tags;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrelens.model.TagChange;
import org.genrelens.model.TagField;

/**
 * A {@link TagJournal} in one append-only JSON Lines file: every call appends one event and forces it to disk
 * before returning; opening replays the events. A last line torn by a crash is dropped (it was never
 * acknowledged). For the CLI until the library's SQLite journal takes over; one process at a time.
 */
public final class FileTagJournal implements TagJournal, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FileTagJournal.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final Clock clock;
    private final JournalState state = new JournalState();

    private FileTagJournal(Path file, FileChannel channel, Clock clock) {
        this.file = file;
        this.channel = channel;
        this.clock = clock;
    }

    public static FileTagJournal open(Path file) throws IOException {
        return open(file, Clock.systemUTC());
    }

    public static FileTagJournal open(Path file, Clock clock) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        FileChannel channel = FileChannel.open(absolute, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileTagJournal journal = new FileTagJournal(absolute, channel, clock);
        try {
            journal.replay();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return journal;
    }

    public Path file() {
        return file;
    }

    private void replay() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        int lineNumber = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lineNumber++;
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                if (!line.isBlank()) {
                    try {
                        state.apply(JSON.readTree(line));
                    } catch (IOException | RuntimeException e) {
                        throw new IOException(file + " line " + lineNumber + " is not a journal event ("
                                + e.getMessage() + "); move the file away to start a new journal", e);
                    }
                }
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            // an append without its newline was cut by a crash before it returned: it never happened
            LOG.log(Level.WARNING, "{0}: dropping a torn last line of {1} bytes", file, bytes.length - start);
            channel.truncate(start);
            channel.force(true);
        }
        channel.position(start);
    }

    @Override
    public synchronized long beginBatch(String description) {
        ObjectNode event = event("batch", state.nextBatchId());
        event.put("description", description);
        return append(event).get("id").asLong();
    }

    @Override
    public synchronized long recordPending(long batchId, TagChange change, WriteRecord record) {
        if (!state.hasBatch(batchId)) {
            throw new IllegalArgumentException("no batch " + batchId + " in " + file);
        }
        ObjectNode event = event("pending", state.nextEntryId());
        event.put("batch", batchId);
        event.put("file", change.file().toString());
        event.put("field", change.field().name());
        change.before().forEach(event.putArray("before")::add);
        change.after().forEach(event.putArray("after")::add);
        if (record != null) {
            event.set("record", readRecordTree(record));
        }
        return append(event).get("id").asLong();
    }

    private static JsonNode readRecordTree(WriteRecord record) {
        try {
            return JSON.readTree(record.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record always serialises", e);
        }
    }

    /** {@code NAME.work} beside the journal file. */
    @Override
    public Path workFolder() {
        return file.resolveSibling(file.getFileName() + ".work");
    }

    @Override
    public synchronized void markApplied(long entryId, FileStamp after) {
        ObjectNode event = event("applied", state.requireEntry(entryId));
        event.put("size", after.size());
        event.put("modified", after.modifiedMillis());
        append(event);
    }

    @Override
    public synchronized void markFailed(long entryId, String reason) {
        ObjectNode event = event("failed", state.requireEntry(entryId));
        event.put("error", reason);
        append(event);
    }

    @Override
    public synchronized void markUndone(long entryId) {
        append(event("undone", state.requireEntry(entryId)));
    }

    @Override
    public synchronized List<JournalEntry> entries(long batchId) {
        return state.entries(batchId);
    }

    @Override
    public synchronized List<Batch> batches() {
        List<Batch> batches = new ArrayList<>(state.batches());
        batches.sort(Comparator.comparingLong(Batch::id).reversed());
        return batches;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private ObjectNode event(String kind, long id) {
        ObjectNode event = JSON.createObjectNode();
        event.put("event", kind);
        event.put("id", id);
        event.put("time", clock.instant().toString());
        return event;
    }

    /** Writes and forces the event, then applies it: memory never runs ahead of the disk. */
    private ObjectNode append(ObjectNode event) {
        try {
            byte[] line = (JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the tag journal " + file
                    + "; check free space and permissions", e);
        }
        state.apply(event);
        return event;
    }

    /** The journal's content, rebuilt from events. */
    private static final class JournalState {
        private final Map<Long, Batch> batches = new LinkedHashMap<>();
        private final Map<Long, JournalEntry> entries = new LinkedHashMap<>();
        private long lastBatch;
        private long lastEntry;

        long nextBatchId() {
            return lastBatch + 1;
        }

        long nextEntryId() {
            return lastEntry + 1;
        }

        boolean hasBatch(long id) {
            return batches.containsKey(id);
        }

        long requireEntry(long id) {
            if (!entries.containsKey(id)) {
                throw new IllegalArgumentException("no journal entry " + id);
            }
            return id;
        }

        List<Batch> batches() {
            List<Batch> out = new ArrayList<>();
            for (Batch batch : batches.values()) {
                int all = 0;
                int applied = 0;
                int undone = 0;
                for (JournalEntry entry : entries.values()) {
                    if (entry.batchId() == batch.id()) {
                        all++;
                        applied += entry.state() == JournalEntry.State.APPLIED ? 1 : 0;
                        undone += entry.state() == JournalEntry.State.UNDONE ? 1 : 0;
                    }
                }
                out.add(new Batch(batch.id(), batch.description(), batch.started(), all, applied, undone));
            }
            return out;
        }

        List<JournalEntry> entries(long batchId) {
            return entries.values().stream().filter(entry -> entry.batchId() == batchId).toList();
        }

        void apply(JsonNode event) {
            long id = event.get("id").asLong();
            Instant time = Instant.parse(event.get("time").asText());
            switch (event.get("event").asText()) {
                case "batch" -> {
                    batches.put(id, new Batch(id, event.get("description").asText(), time, 0, 0, 0));
                    lastBatch = Math.max(lastBatch, id);
                }
                case "pending" -> {
                    TagChange change = new TagChange(Path.of(event.get("file").asText()),
                            TagField.valueOf(event.get("field").asText()), strings(event.get("before")),
                            strings(event.get("after")));
                    JsonNode record = event.get("record");
                    entries.put(id, new JournalEntry(id, event.get("batch").asLong(), change,
                            JournalEntry.State.PENDING, time, null, null,
                            record == null ? null : WriteRecord.of(record)));
                    lastEntry = Math.max(lastEntry, id);
                }
                case "applied" -> update(id, JournalEntry.State.APPLIED, time, null,
                        new FileStamp(event.get("size").asLong(), event.get("modified").asLong()));
                case "failed" -> update(id, JournalEntry.State.FAILED, time, event.get("error").asText(), null);
                case "undone" -> {
                    JournalEntry old = entries.get(id);
                    update(id, JournalEntry.State.UNDONE, time, old == null ? null : old.error(),
                            old == null ? null : old.after());
                }
                default -> throw new IllegalArgumentException("unknown event " + event.get("event"));
            }
        }

        private void update(long id, JournalEntry.State newState, Instant time, String error, FileStamp after) {
            JournalEntry old = entries.get(id);
            if (old == null) {
                throw new IllegalArgumentException("event for unknown entry " + id);
            }
            entries.put(id, new JournalEntry(id, old.batchId(), old.change(), newState, time, error, after,
                    old.record()));
        }

        private static List<String> strings(JsonNode array) {
            List<String> values = new ArrayList<>();
            if (array != null) {
                array.forEach(value -> values.add(value.asText()));
            }
            return values;
        }
    }
}
