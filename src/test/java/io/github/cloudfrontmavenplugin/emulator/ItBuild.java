package io.github.cloudfrontmavenplugin.emulator;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Another Maven build of an IT's project, run by its {@code setup.groovy} beside the one the invoker runs: in a JVM of
 * its own, started without the {@code mvn} script in between so that {@link #kill} reaches the very JVM that talks
 * to the emulators. It gets what the invoker gives its builds: the ITs' settings and local repository, the emulators'
 * endpoints, and an environment with the emulators' example credentials and no CI job.
 */
public final class ItBuild {
    private static final long TIMEOUT_MINUTES = 5;

    private final Process process;
    private final File log;

    private ItBuild(Process process, File log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mvn -B arguments} in {@code basedir}, its output in {@code basedir/logName}.
     *
     * @param localRepository the setup script's {@code localRepositoryPath}
     * @param environment variables to set for this build, such as {@code HOSTNAME} to name it in a deploy lock
     */
    @SuppressWarnings("unchecked")
    public static ItBuild start(
            Map<String, Object> context,
            File basedir,
            File localRepository,
            String logName,
            Map<String, String> environment,
            String... arguments)
            throws IOException {
        String mavenHome = System.getProperty("maven.home");
        File[] boot = mavenHome == null
                ? null
                : new File(mavenHome, "boot").listFiles(file -> file.getName().startsWith("plexus-classworlds-"));
        if (boot == null || boot.length != 1) {
            throw new IllegalStateException("No Maven installation with one boot/plexus-classworlds-*.jar at the"
                    + " invoker's maven.home: " + mavenHome);
        }
        // The invoker writes the ITs' settings here for the length of the run (cloneProjectsTo).
        File settings = new File(basedir.getParentFile(), "interpolated-settings.xml");
        if (!settings.isFile()) {
            throw new IllegalStateException("The invoker's settings for the ITs are not at " + settings);
        }
        List<String> command = new ArrayList<>(List.of(
                new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-classpath",
                boot[0].getPath(),
                "-Dclassworlds.conf=" + new File(mavenHome, "bin/m2.conf").getPath(),
                "-Dmaven.home=" + mavenHome,
                "-Dmaven.multiModuleProjectDirectory=" + basedir.getPath(),
                "org.codehaus.plexus.classworlds.launcher.Launcher",
                "-B",
                "-e",
                "-s",
                settings.getPath(),
                "-Dmaven.repo.local=" + localRepository.getPath()));
        ((Map<Object, Object>) context.get("userProperties"))
                .forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of(arguments));
        File log = new File(basedir, logName);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(basedir)
                .redirectErrorStream(true)
                .redirectOutput(log);
        Map<String, String> variables = builder.environment();
        // As the invoker's <environmentVariables> in the POM: nothing of the machine's AWS set-up or CI job.
        variables
                .keySet()
                .removeIf(name -> name.startsWith("AWS_")
                        || name.startsWith("GITHUB_")
                        || name.startsWith("CI_")
                        || name.startsWith("CODEBUILD_")
                        || name.equals("BUILD_TAG")
                        || name.equals("BUILD_URL"));
        variables.put("AWS_ACCESS_KEY_ID", CloudFrontEmulator.ACCESS_KEY_ID);
        variables.put("AWS_SECRET_ACCESS_KEY", CloudFrontEmulator.SECRET_ACCESS_KEY);
        variables.put("AWS_CONFIG_FILE", new File(basedir, "no-aws-config").getPath());
        variables.put("AWS_SHARED_CREDENTIALS_FILE", new File(basedir, "no-aws-credentials").getPath());
        variables.put("AWS_EC2_METADATA_DISABLED", "true");
        variables.putAll(environment);
        return new ItBuild(builder.start(), log);
    }

    /** Waits for the build to end (at most five minutes), and fails unless it succeeded. */
    public void succeeds() throws IOException, InterruptedException {
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("The build did not end within " + TIMEOUT_MINUTES + " minutes: " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "The build failed (exit " + process.exitValue() + "):\n" + Files.readString(log.toPath()));
        }
    }

    /**
     * Kills the build's JVM with SIGKILL, as a CI runner that crashes or is cancelled hard: no shutdown hook, no
     * {@code finally} runs. Returns once the process is gone.
     *
     * @return its exit status: 137 (128 + SIGKILL) on Linux and macOS
     */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("The killed build is still running: " + process);
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the build printed so far. */
    public String log() throws IOException {
        return Files.readString(log.toPath(), StandardCharsets.UTF_8);
    }
}
