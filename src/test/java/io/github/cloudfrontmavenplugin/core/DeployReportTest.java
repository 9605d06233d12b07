package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.cloudfront.Target;
import io.github.cloudfrontmavenplugin.publish.PublishSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy report read as GitHub reads a job summary, by a CommonMark parser with GFM tables: its heading, its
 * tables cell by cell, and its paths as a list, folded in a {@code <details>} element past twenty.
 */
class DeployReportTest {
    private static final Parser MARKDOWN =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    @TempDir
    Path dir;

    private static PublishSite.Published published() {
        return new PublishSite.Published("s3://www/site/", List.of("index.html"), 31, 2_516_582, 2, 3, 9_969);
    }

    private static List<String> paths(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "/docs/page-" + i + ".html")
                .toList();
    }

    private static InvalidationInfo created(List<String> paths) {
        return new InvalidationInfo(
                Target.distribution("EDFDVBD6EXAMPLE"),
                "I2J0I21PCUYOIK",
                "InProgress",
                Instant.parse("2026-12-06T00:00:00Z"),
                paths,
                "ref",
                Optional.empty());
    }

    private static DeployReport syncReport(List<String> paths, boolean dryRun) {
        return new DeployReport(
                "cloudfront:sync",
                dryRun,
                List.of(published()),
                Optional.of(new Batch(List.of("EDFDVBD6EXAMPLE"), paths, "ref")),
                dryRun ? List.of() : List.of(created(paths)),
                Duration.ofMillis(4_240),
                Optional.empty());
    }

    private static <T extends Node> List<T> all(Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            protected void visitChildren(Node parent) {
                for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
                    if (type.isInstance(node)) {
                        found.add(type.cast(node));
                    }
                    node.accept(this);
                }
            }

            @Override
            public void visit(CustomBlock customBlock) {
                visitChildren(customBlock);
            }
        });
        return found;
    }

    /** The text of a node: its Text and Code leaves, in order. */
    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text leaf) {
                text.append(leaf.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }

    private static List<List<String>> rows(TableBlock table) {
        List<List<String>> rows = new ArrayList<>();
        for (TableRow row : all(table, TableRow.class)) {
            rows.add(all(row, TableCell.class).stream()
                    .map(DeployReportTest::text)
                    .toList());
        }
        return rows;
    }

    @Test
    void aSyncReportHasItsTablesAndFoldsMoreThanTwentyPaths() {
        Node document = MARKDOWN.parse(syncReport(paths(25), false).markdown());

        List<Heading> headings = all(document, Heading.class);
        assertEquals(1, headings.size());
        assertEquals("cloudfront:sync: deployed", text(headings.get(0)));
        List<TableBlock> tables = all(document, TableBlock.class);
        assertEquals(2, tables.size(), "what was published, then the invalidation");
        assertEquals(
                List.of(
                        List.of("", "objects", "bytes"),
                        List.of("uploaded", "31", "2.4 MiB"),
                        List.of("headers updated", "2", ""),
                        List.of("deleted", "3", ""),
                        List.of("unchanged", "9,969", "")),
                rows(tables.get(0)));
        assertEquals(
                List.of(
                        List.of("invalidation", "on", "paths", "status"),
                        List.of("I2J0I21PCUYOIK", "distribution EDFDVBD6EXAMPLE", "25", "InProgress")),
                rows(tables.get(1)));
        List<HtmlBlock> html = all(document, HtmlBlock.class);
        assertEquals(2, html.size(), "the opening and the closing of <details>");
        assertEquals(
                "<details><summary>25 paths</summary>", html.get(0).getLiteral().strip());
        assertEquals("</details>", html.get(1).getLiteral().strip());
        BulletList list = all(document, BulletList.class).get(0);
        assertTrue(html.get(0).getNext() == list && list.getNext() == html.get(1), "the list is inside <details>");
        assertEquals(
                paths(25),
                all(list, ListItem.class).stream().map(DeployReportTest::text).toList());
        assertTrue(text(document).contains("at most USD 0.125"), text(document));
        assertTrue(text(document).contains("Took 4.2 s."), text(document));
    }

    @Test
    void twentyPathsOrFewerAreListedOpenly() {
        Node document = MARKDOWN.parse(syncReport(paths(20), false).markdown());

        assertEquals(List.of(), all(document, HtmlBlock.class));
        assertEquals(
                20, all(all(document, BulletList.class).get(0), ListItem.class).size());
    }

    @Test
    void aDryRunSaysWhatTheDeployWouldDo() {
        Node document =
                MARKDOWN.parse(syncReport(List.of("/index.html", "/"), true).markdown());

        assertEquals(
                "cloudfront:sync: what this deploy would do (dry run)",
                text(all(document, Heading.class).get(0)));
        List<TableBlock> tables = all(document, TableBlock.class);
        assertEquals(1, tables.size(), "nothing was created, so no table of invalidations");
        assertEquals(List.of("to upload", "31", "2.4 MiB"), rows(tables.get(0)).get(1));
        assertTrue(text(document).contains("Would invalidate 2 paths on distribution EDFDVBD6EXAMPLE."));
    }

    @Test
    void aFailureIsQuotedAsTextNeverAsMarkup() {
        DeployReport failed = new DeployReport(
                "cloudfront:invalidate",
                false,
                List.of(),
                Optional.empty(),
                List.of(),
                Duration.ofSeconds(1),
                Optional.of("CloudFront has no distribution '<script>alert(1)</script>' | *bold*\nsecond line"));

        Node document = MARKDOWN.parse(failed.markdown());

        assertEquals(
                "cloudfront:invalidate: failed",
                text(all(document, Heading.class).get(0)));
        assertEquals(List.of(), all(document, HtmlInline.class));
        assertEquals(List.of(), all(document, TableBlock.class));
        assertTrue(text(document).contains("CloudFront has no distribution '<script>alert(1)</script>' | *bold*"));
        assertFalse(text(document).contains("second line"), "one line of the message");
    }

    @Test
    void theJobSummaryIsAppendedToAndTheReportFileReplaced() throws Exception {
        Path summary = dir.resolve("summary.md");
        Path report = dir.resolve("reports/report.md");
        Files.writeString(summary, "### An earlier step\n\n");
        RecordingProgress progress = new RecordingProgress();
        ReportFiles files = ReportFiles.of(
                Optional.of(report), name -> name.equals("GITHUB_STEP_SUMMARY") ? summary.toString() : null);

        files.write(syncReport(paths(1), false), progress);
        files.write(syncReport(paths(2), false), progress);

        String appended = Files.readString(summary, StandardCharsets.UTF_8);
        assertTrue(appended.startsWith("### An earlier step\n\n### cloudfront:sync: deployed"), appended);
        assertEquals(2, appended.split("### cloudfront:sync: deployed", -1).length - 1);
        assertEquals(syncReport(paths(2), false).markdown(), Files.readString(report, StandardCharsets.UTF_8));
        assertEquals(List.of(), progress.warnings);
    }

    @Test
    void aReportThatCannotBeWrittenIsAWarning() throws Exception {
        Path blocked = Files.writeString(dir.resolve("a-file"), "");
        RecordingProgress progress = new RecordingProgress();
        ReportFiles files = new ReportFiles(Optional.of(blocked.resolve("summary.md")), Optional.empty());

        files.write(syncReport(paths(1), false), progress);

        assertEquals(1, progress.warnings.size());
        assertTrue(progress.warnings.get(0).startsWith("Could not write the deploy's report to GitHub's job summary"));
    }
}
