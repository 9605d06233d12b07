package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a deploy's {@link DeployReport} goes: GitHub's job summary when {@code GITHUB_STEP_SUMMARY} names its file
 * (appended to, as GitHub asks of every step), and {@code <report>} (replaced by this deploy's report). A report that
 * cannot be written is a warning: the deploy it describes has happened.
 */
public record ReportFiles(Optional<Path> jobSummary, Optional<Path> report) {
    static final String PARAMETER = "<report> (cloudfront.report)";

    public static final ReportFiles NONE = new ReportFiles(Optional.empty(), Optional.empty());

    /**
     * @param report the file {@code <report>} names, checked to be writable before anything is sent
     * @param environment where {@code GITHUB_STEP_SUMMARY} is read
     */
    public static ReportFiles of(Optional<Path> report, Function<String, String> environment)
            throws UserFixableException {
        if (report.isPresent()) {
            OutputFile.checkWritable(report.get(), PARAMETER, "cloudfront-report.md");
        }
        Optional<Path> summary = Optional.ofNullable(environment.apply("GITHUB_STEP_SUMMARY"))
                .filter(file -> !file.isBlank())
                .map(Path::of);
        return new ReportFiles(summary, report);
    }

    boolean any() {
        return jobSummary.isPresent() || report.isPresent();
    }

    /** Writes the report; several batches of one build may finish at once, so one writes at a time. */
    synchronized void write(DeployReport deploy, Progress progress) {
        String markdown = deploy.markdown();
        jobSummary.ifPresent(file -> write(file, markdown + "\n", true, "GitHub's job summary", progress));
        report.ifPresent(file -> write(file, markdown, false, PARAMETER, progress));
    }

    private static void write(Path file, String markdown, boolean append, String what, Progress progress) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (append) {
                Files.writeString(
                        file,
                        markdown,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE);
            } else {
                Files.writeString(file, markdown, StandardCharsets.UTF_8);
            }
            progress.debug("Wrote the deploy's report to " + what + " " + file);
        } catch (IOException e) {
            progress.warn("Could not write the deploy's report to " + what + " " + file + ": " + e);
        }
    }
}
