package io.github.cloudfrontmavenplugin.core;

/** Where the core reports what it does; the Mojo routes it to Maven's log. */
public interface Progress {
    void info(String message);

    void warn(String message);

    void debug(String message);

    Progress SILENT = new Progress() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
    };
}
