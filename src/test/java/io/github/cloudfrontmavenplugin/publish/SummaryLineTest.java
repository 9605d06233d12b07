package io.github.cloudfrontmavenplugin.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one line a sync ends with, summed over the modules of a build. */
class SummaryLineTest {
    private static PublishSite.Published module(int uploaded, long bytes, int headers, int deleted, long unchanged) {
        return new PublishSite.Published("s3://www/", List.of(), uploaded, bytes, headers, deleted, unchanged);
    }

    @Test
    void countsUploadsBytesDeletesUnchangedAndPathsOfEveryModuleInOneLine() {
        List<PublishSite.Published> modules =
                List.of(module(30, 2_400_000, 0, 2, 9_000), module(1, 116_582, 0, 0, 969));

        assertEquals(
                "Uploaded 31 files (2.4 MiB), deleted 2, 9,969 unchanged; invalidated 12 paths",
                PublishSite.summary(modules, 12, false));
    }

    @Test
    void namesHeaderOnlyUpdatesAndSaysWhatADryRunWouldDo() {
        assertEquals(
                "Dry run: would upload 1 file (512 B), update the headers of 3, delete 0, 1,000 unchanged;"
                        + " would invalidate 1 path",
                PublishSite.summary(List.of(module(1, 512, 3, 0, 1_000)), 1, true));
    }
}
