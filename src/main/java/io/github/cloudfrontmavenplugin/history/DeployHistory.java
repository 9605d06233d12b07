package io.github.cloudfrontmavenplugin.history;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.RecordLines;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipException;

/**
 * The kept records of deploys, newest first, stored as one gzip'd text file ({@code <manifest>.history}, beside the
 * manifest). The newest record holds the full state of the bucket; each older one holds only what differs from the
 * next newer one (reverse deltas), so that pruning the oldest is just dropping it and a deploy that changed 1 % of a
 * site adds about 1 % of a state: 20 deploys of 10,000 objects take well under 2 MiB.
 *
 * <pre>
 * cloudfront-maven-plugin history 1
 * deploy&lt;TAB&gt;id&lt;TAB&gt;started&lt;TAB&gt;ended&lt;TAB&gt;host&lt;TAB&gt;user&lt;TAB&gt;CI job&lt;TAB&gt;project&lt;TAB&gt;commit&lt;TAB&gt;rolled back to&lt;TAB&gt;location&lt;TAB&gt;uploaded&lt;TAB&gt;headers updated&lt;TAB&gt;deleted&lt;TAB&gt;unchanged&lt;TAB&gt;bytes
 * invalidation&lt;TAB&gt;distribution or tenant ID, space, invalidation ID
 * object&lt;TAB&gt;etag&lt;TAB&gt;sha256&lt;TAB&gt;size&lt;TAB&gt;headers&lt;TAB&gt;version ID&lt;TAB&gt;key     (the newest record: every object)
 * changed&lt;TAB&gt;etag&lt;TAB&gt;sha256&lt;TAB&gt;size&lt;TAB&gt;headers&lt;TAB&gt;version ID&lt;TAB&gt;key    (an older one: its state where it differs)
 * absent&lt;TAB&gt;key                                                   (an older one: a key it did not have)
 * </pre>
 *
 * Every field is escaped as {@link RecordLines#escapedLine} says; an empty optional field is an empty string.
 *
 * <p>The file is written as one gzip member per record (the header goes with the newest): a reader of gzip sees one
 * text. An older record's delta does not change when a newer record is added, so its member is copied as it was read;
 * a deploy compresses only its own record and the delta of the one before, not the whole history.
 */
public final class DeployHistory {
    static final String HEADER = "cloudfront-maven-plugin history 1";
    private static final String HEADER_PREFIX = "cloudfront-maven-plugin history ";

    public static final DeployHistory EMPTY = new DeployHistory(List.of());

    private final List<DeployRecord> records;
    /**
     * For each record, its gzip member as read, where it was stored as a member of its own that {@link #write} can copy
     * (never the newest's, which holds the header and the full state).
     */
    private final List<Optional<byte[]>> stored;

    private DeployHistory(List<DeployRecord> records) {
        this(records, records.stream().map(r -> Optional.<byte[]>empty()).toList());
    }

    private DeployHistory(List<DeployRecord> records, List<Optional<byte[]>> stored) {
        this.records = List.copyOf(records);
        this.stored = List.copyOf(stored);
    }

    /** Newest first, each with its full state. */
    public List<DeployRecord> records() {
        return records;
    }

    public Optional<DeployRecord> newest() {
        return records.stream().findFirst();
    }

    public Optional<DeployRecord> find(String id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The record kept just before (older than) {@code id}; empty when {@code id} is the oldest kept or not kept. */
    public Optional<DeployRecord> before(String id) {
        for (int i = 0; i + 1 < records.size(); i++) {
            if (records.get(i).id().equals(id)) {
                return Optional.of(records.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** This history with {@code newest} added as its newest record, keeping the {@code keep} newest. */
    public DeployHistory with(DeployRecord newest, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least the newest record, not " + keep);
        }
        List<DeployRecord> kept = new ArrayList<>(records.size() + 1);
        kept.add(newest);
        kept.addAll(records.subList(0, Math.min(records.size(), keep - 1)));
        // The newest and the one before it are written anew: the one before becomes a delta from the newest.
        List<Optional<byte[]>> members = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            members.add(i < 2 ? Optional.empty() : stored.get(i - 1));
        }
        return new DeployHistory(kept, members);
    }

    /** @throws UserFixableException when the file is not a history this plugin wrote, naming the file */
    public static DeployHistory read(Path file) throws IOException, UserFixableException {
        return read(file, file.toString());
    }

    /** @param where the history's location, for messages, when {@code file} is a copy of it */
    static DeployHistory read(Path file, String where) throws IOException, UserFixableException {
        Parser parser = new Parser(where);
        try {
            GzipMembers.read(Files.readAllBytes(file), parser::member);
        } catch (ZipException | CharacterCodingException e) {
            throw parser.corrupt("it is not gzip'd UTF-8 text (" + e.getMessage() + ")");
        } catch (java.io.EOFException e) {
            throw parser.corrupt("it ends in the middle (a write that was cut off?)");
        } catch (UncheckedUserFixable e) {
            throw e.getCause();
        }
        return parser.finish();
    }

    public void write(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            SortedMap<String, ObjectState> newer = null;
            for (int i = 0; i < records.size(); i++) {
                DeployRecord record = records.get(i);
                if (stored.get(i).isPresent()) {
                    out.write(stored.get(i).get());
                } else {
                    StringWriter text = new StringWriter();
                    if (newer == null) {
                        text.write(HEADER);
                        text.write('\n');
                        writeRecord(text, record);
                        for (Map.Entry<String, ObjectState> object :
                                record.objects().entrySet()) {
                            text.write(stateLine("object", object.getKey(), object.getValue()));
                        }
                    } else {
                        writeRecord(text, record);
                        writeDelta(text, newer, record.objects());
                    }
                    GzipMembers.write(out, text.toString().getBytes(StandardCharsets.UTF_8));
                }
                newer = record.objects();
            }
        }
    }

    private static void writeRecord(Writer out, DeployRecord r) throws IOException {
        DeployRecord.Counts c = r.counts();
        out.write(RecordLines.escapedLine(List.of(
                "deploy",
                r.id(),
                r.started().toString(),
                r.ended().toString(),
                r.host(),
                r.user(),
                r.ciJob().orElse(""),
                r.project(),
                r.commit().orElse(""),
                r.rolledBackTo().orElse(""),
                r.location(),
                Integer.toString(c.uploaded()),
                Integer.toString(c.headersUpdated()),
                Integer.toString(c.deleted()),
                Long.toString(c.unchanged()),
                Long.toString(c.bytes()))));
        for (String invalidation : r.invalidations()) {
            out.write(RecordLines.escapedLine(List.of("invalidation", invalidation)));
        }
    }

    /** What turns {@code newer}'s state into {@code older}'s. */
    private static void writeDelta(
            Writer out, SortedMap<String, ObjectState> newer, SortedMap<String, ObjectState> older) throws IOException {
        for (Map.Entry<String, ObjectState> object : older.entrySet()) {
            if (!object.getValue().equals(newer.get(object.getKey()))) {
                out.write(stateLine("changed", object.getKey(), object.getValue()));
            }
        }
        for (String key : newer.keySet()) {
            if (!older.containsKey(key)) {
                out.write(RecordLines.escapedLine(List.of("absent", key)));
            }
        }
    }

    private static String stateLine(String kind, String key, ObjectState state) {
        return RecordLines.escapedLine(List.of(
                kind,
                state.etag(),
                state.sha256(),
                Long.toString(state.size()),
                state.headers(),
                state.versionId().orElse(""),
                key));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeployHistory h && h.records.equals(records);
    }

    @Override
    public int hashCode() {
        return Objects.hash(records);
    }

    /** Carries a parse error out of {@link GzipMembers#read}'s visitor. */
    private static final class UncheckedUserFixable extends RuntimeException {
        UncheckedUserFixable(UserFixableException cause) {
            super(cause);
        }

        @Override
        public synchronized UserFixableException getCause() {
            return (UserFixableException) super.getCause();
        }
    }

    /** Reads the records line by line, each older state built from the newer one with its delta. */
    private static final class Parser {
        private final String where;
        private int lineNumber;
        private final List<DeployRecord> records = new ArrayList<>();
        private List<String> deploy;
        private final List<String> invalidations = new ArrayList<>();
        private TreeMap<String, ObjectState> objects;

        Parser(String where) {
            this.where = where;
        }

        /** The members' texts split into lines; a line may go on into the next member. */
        private final ByteArrayOutputStream unfinishedLine = new ByteArrayOutputStream();

        private final List<Optional<byte[]>> stored = new ArrayList<>();
        /** The index in {@link #stored} of the record the last member held alone; -1 when it held none. */
        private int lastKept = -1;

        private final CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);

        /** Parses one gzip member's lines; a member that holds exactly one older record is kept to be copied. */
        void member(byte[] member, byte[] text) throws CharacterCodingException {
            int started = records.size() + (deploy == null ? 0 : 1);
            boolean carriedIn = unfinishedLine.size() > 0;
            boolean startsRecord = false;
            int deployLines = 0;
            int lineStart = 0;
            for (int i = 0; i < text.length; i++) {
                if (text[i] != '\n') {
                    continue;
                }
                String line;
                if (unfinishedLine.size() == 0) {
                    line = utf8.decode(ByteBuffer.wrap(text, lineStart, i - lineStart))
                            .toString();
                } else {
                    unfinishedLine.write(text, lineStart, i - lineStart);
                    line = utf8.decode(ByteBuffer.wrap(unfinishedLine.toByteArray()))
                            .toString();
                    unfinishedLine.reset();
                }
                boolean isDeploy = line.startsWith("deploy\t");
                startsRecord |= lineStart == 0 && !carriedIn && isDeploy;
                deployLines += isDeploy ? 1 : 0;
                lineStart = i + 1;
                try {
                    line(line);
                } catch (UserFixableException e) {
                    throw new UncheckedUserFixable(e);
                }
            }
            unfinishedLine.write(text, lineStart, text.length - lineStart);
            // The record kept last can be copied only if it ended with its member: this one starts the next.
            if (!startsRecord && lastKept >= 0) {
                stored.set(lastKept, Optional.empty());
            }
            lastKept = -1;
            if (startsRecord && deployLines == 1 && unfinishedLine.size() == 0 && started >= 1) {
                while (stored.size() < started) {
                    stored.add(Optional.empty());
                }
                stored.add(Optional.of(member));
                lastKept = started;
            }
        }

        private void line(String line) throws UserFixableException {
            lineNumber++;
            if (lineNumber == 1) {
                header(line);
            } else {
                parseLine(RecordLines.escapedFields(line));
            }
        }

        private void header(String header) throws UserFixableException {
            if (!header.equals(HEADER)) {
                if (header.startsWith(HEADER_PREFIX)) {
                    throw new UserFixableException("The deploy history " + where + " is in format '"
                            + header.substring(HEADER_PREFIX.length()) + "', which a newer version of"
                            + " cloudfront-maven-plugin wrote; this one reads format 1. Use that newer version.");
                }
                throw corrupt("its first line is not '" + HEADER + "'");
            }
        }

        /** The history, once every member is parsed; as a text reader would, a last line may lack its end. */
        DeployHistory finish() throws IOException, UserFixableException {
            if (unfinishedLine.size() > 0) {
                line(utf8.decode(ByteBuffer.wrap(unfinishedLine.toByteArray())).toString());
                unfinishedLine.reset();
            }
            if (lineNumber == 0) {
                throw corrupt("it is empty");
            }
            finishRecord();
            while (stored.size() < records.size()) {
                stored.add(Optional.empty());
            }
            return new DeployHistory(records, stored.subList(0, records.size()));
        }

        private void parseLine(List<String> fields) throws UserFixableException {
            switch (fields.get(0)) {
                case "deploy" -> {
                    expect(fields, 16);
                    finishRecord();
                    deploy = fields;
                    objects = records.isEmpty()
                            ? new TreeMap<>()
                            : new TreeMap<>(records.get(records.size() - 1).objects());
                }
                case "invalidation" -> {
                    expect(fields, 2);
                    inRecord();
                    invalidations.add(fields.get(1));
                }
                case "object", "changed" -> {
                    expect(fields, 7);
                    inRecord();
                    if (fields.get(0).equals("object") != records.isEmpty()) {
                        throw corrupt("an '" + fields.get(0) + "' line belongs to "
                                + (records.isEmpty() ? "an older record" : "the newest record") + " only");
                    }
                    objects.put(
                            fields.get(6),
                            new ObjectState(
                                    fields.get(1),
                                    fields.get(2),
                                    number(fields.get(3)),
                                    fields.get(4),
                                    Optional.of(fields.get(5))));
                }
                case "absent" -> {
                    expect(fields, 2);
                    inRecord();
                    if (records.isEmpty()) {
                        throw corrupt("an 'absent' line belongs to an older record only");
                    }
                    objects.remove(fields.get(1));
                }
                default -> throw corrupt("it holds a line of unknown kind '" + fields.get(0) + "'");
            }
        }

        private void finishRecord() throws UserFixableException {
            if (deploy == null) {
                return;
            }
            List<String> f = deploy;
            records.add(new DeployRecord(
                    f.get(1),
                    instant(f.get(2)),
                    instant(f.get(3)),
                    f.get(4),
                    f.get(5),
                    optional(f.get(6)),
                    f.get(7),
                    optional(f.get(8)),
                    optional(f.get(9)),
                    f.get(10),
                    new DeployRecord.Counts(
                            smallNumber(f.get(11)),
                            smallNumber(f.get(12)),
                            smallNumber(f.get(13)),
                            number(f.get(14)),
                            number(f.get(15))),
                    invalidations,
                    objects));
            deploy = null;
            invalidations.clear();
        }

        private void expect(List<String> fields, int count) throws UserFixableException {
            if (fields.size() != count) {
                throw corrupt("a '" + fields.get(0) + "' line has " + fields.size() + " fields instead of " + count);
            }
        }

        private void inRecord() throws UserFixableException {
            if (deploy == null) {
                throw corrupt("a line comes before the first 'deploy' line");
            }
        }

        private long number(String text) throws UserFixableException {
            try {
                long value = Long.parseLong(text);
                if (value < 0) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw corrupt("'" + text + "' is not a count");
            }
        }

        private int smallNumber(String text) throws UserFixableException {
            long value = number(text);
            if (value > Integer.MAX_VALUE) {
                throw corrupt("'" + text + "' is too large a count");
            }
            return (int) value;
        }

        private Instant instant(String text) throws UserFixableException {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw corrupt("'" + text + "' is not a time");
            }
        }

        private static Optional<String> optional(String text) {
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }

        UserFixableException corrupt(String reason) {
            return new UserFixableException("The deploy history " + where + " cannot be read: " + reason
                    + (lineNumber > 1 ? " (line " + lineNumber + ")" : "") + ". It was damaged, or not written by"
                    + " cloudfront-maven-plugin. Move it away or delete it to start a new history (the bucket and the"
                    + " manifest do not depend on it); the deploys it held can then no longer be listed or rolled"
                    + " back to.");
        }
    }
}
