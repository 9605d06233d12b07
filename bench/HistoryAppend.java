import io.github.cloudfrontmavenplugin.history.DeployHistory;
import io.github.cloudfrontmavenplugin.history.DeployRecord;
import io.github.cloudfrontmavenplugin.history.ObjectState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What a sync's deploy history costs, in a cold JVM, as its end does it: read the history ({@code
 * DeployHistory.read}), add the deploy's record and write it back ({@code with}, {@code write}).
 *
 * <pre>
 * java HistoryAppend make   FILE OBJECTS RECORDS CHANGE%   writes a history of RECORDS deploys of a site of OBJECTS
 *                                                          objects, CHANGE% of them changing each deploy
 * java HistoryAppend append FILE OBJECTS RECORDS CHANGE%   reads FILE, adds one more deploy, writes FILE.next;
 *                                                          prints "read=ms append=ms bytes=n"
 * </pre>
 */
public class HistoryAppend {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        int objects = Integer.parseInt(args[2]);
        int records = Integer.parseInt(args[3]);
        int change = Integer.parseInt(args[4]);
        SplittableRandom random = new SplittableRandom(26);
        TreeMap<String, ObjectState> site = new TreeMap<>();
        for (int i = 0; i < objects; i++) {
            site.put(String.format("org/example/section-%02d/Page%05d.html", i % 40, i), state(random));
        }
        if (args[0].equals("make")) {
            DeployHistory history = DeployHistory.EMPTY;
            for (int deploy = 0; deploy < records; deploy++) {
                history = history.with(record(deploy, next(site, change, random)), records);
            }
            history.write(file);
            return;
        }
        TreeMap<String, ObjectState> newest = next(site, change, random);
        long start = System.nanoTime();
        DeployHistory read = DeployHistory.read(file);
        long readEnd = System.nanoTime();
        Path next = Path.of(args[1] + ".next");
        read.with(record(records, newest), records).write(next);
        long end = System.nanoTime();
        System.out.printf("read=%d append=%d bytes=%d%n", (readEnd - start) / 1_000_000, (end - readEnd) / 1_000_000,
                Files.size(next));
    }

    private static TreeMap<String, ObjectState> next(TreeMap<String, ObjectState> site, int change, SplittableRandom random) {
        for (String key : List.copyOf(site.keySet())) {
            if (random.nextInt(100) < change) {
                site.put(key, state(random));
            }
        }
        return new TreeMap<>(site);
    }

    private static ObjectState state(SplittableRandom random) {
        byte[] b = new byte[48];
        random.nextBytes(b);
        String hex = HexFormat.of().formatHex(b);
        return new ObjectState(hex.substring(0, 32), hex.substring(32), random.nextInt(200_000),
                "1c0e5f9a2b7d3e4f5a6b7c8d", Optional.empty());
    }

    private static DeployRecord record(int deploy, TreeMap<String, ObjectState> objects) {
        Instant at = Instant.parse("2026-12-06T00:00:00Z").plusSeconds(3600L * deploy);
        return new DeployRecord(String.format("20261206T%06d.000Z-beef", deploy), at, at.plusSeconds(30), "runner",
                "ci", Optional.of("https://github.com/o/r/actions/runs/" + deploy), "org.example:site:1." + deploy,
                Optional.of("0123456789abcdef0123456789abcdef01234567"), Optional.empty(), "s3://www/",
                new DeployRecord.Counts(objects.size() / 2, 0, 0, objects.size() / 2, 1_000_000L),
                List.of("E2EXAMPLE I" + deploy), objects);
    }
}
