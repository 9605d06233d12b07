package io.github.cloudfrontmavenplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** S3's times in XML are read as {@link Instant#parse} reads them, or refused as it refuses them. */
class S3ApiTimesTest {
    private static final DateTimeFormatter S3 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'X'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FRACTION_FREE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private static Object read(java.util.function.Function<String, Instant> reader, String text) {
        try {
            return reader.apply(text);
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    private static void assertReadAsJavaTimeReadsIt(String text) {
        assertEquals(read(Instant::parse, text), read(S3Api::instant, text), text);
    }

    @Test
    void timesAsS3WritesThemAreTheInstantsTheyName() {
        SplittableRandom random = new SplittableRandom(26);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(-62_135_596_800_000L, 7_258_118_400_000L));
            String text = S3.format(instant).replace("X", "Z");
            assertEquals(instant, S3Api.instant(text), text);
            assertReadAsJavaTimeReadsIt(text);
        }
    }

    /** S3Proxy writes {@code 2009-10-12T17:50:30Z}; other stores write from none to nine digits of the second. */
    @Test
    void timesWithAnyFractionOfTheSecondAreTheInstantsTheyName() {
        SplittableRandom random = new SplittableRandom(27);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    random.nextLong(-62_135_596_800L, 7_258_118_400L), random.nextInt(1_000_000_000));
            int digits = random.nextInt(10);
            String seconds = FRACTION_FREE.format(instant);
            String nanos = String.format("%09d", instant.getNano());
            String text = digits == 0 ? seconds + "Z" : seconds + "." + nanos.substring(0, digits) + "Z";
            Instant named = digits == 0
                    ? Instant.ofEpochSecond(instant.getEpochSecond())
                    : Instant.ofEpochSecond(
                            instant.getEpochSecond(),
                            Integer.parseInt(nanos.substring(0, digits) + "0".repeat(9 - digits)));
            assertEquals(named, S3Api.instant(text), text);
            assertReadAsJavaTimeReadsIt(text);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2009-10-12T17:50:30.000Z",
                "2026-12-31T23:59:59.999Z",
                "2024-02-29T12:00:00.000Z",
                "0001-01-01T00:00:00.000Z",
                "2009-10-12T17:50:30Z",
                "2009-10-12T17:50:30.1Z",
                "2009-10-12T17:50:30.123456789Z",
                "2009-10-12T17:50:30.1234567890Z",
                "2009-10-12T17:50:30.Z",
                "2009-10-12T17:50:30.12Z",
                "2009-10-12T17:50:30.1x3Z",
                "2016-12-31T23:59:60Z",
                "2026-02-30T00:00:00Z",
                "2026-12-06T24:00:00Z",
                "2026-12-06T13:23:01",
                "2026-12-06t13:23:01z",
                "2009-10-12T17:50:30.000+01:00",
                "2023-02-29T12:00:00.000Z",
                "2026-02-30T00:00:00.000Z",
                "2026-13-01T00:00:00.000Z",
                "2026-00-10T00:00:00.000Z",
                "2026-12-06T24:00:00.000Z",
                "2026-12-06T23:60:00.000Z",
                "2016-12-31T23:59:60.000Z",
                "20x6-12-06T13:23:01.000Z",
                "2026-12-06T13:23:01.00xZ",
                "2026-12-06 13:23:01.000Z",
                "-026-12-06T13:23:01.000Z",
                "2026-12-06T13:23:01.000z",
                ""
            })
    void anyOtherTextIsReadOrRefusedAsJavaTimeDoes(String text) {
        assertReadAsJavaTimeReadsIt(text);
    }
}
