package io.github.cloudfrontmavenplugin.base;

/** Where the core reports what it does; the Mojo routes it to Maven's log. */
public interface Progress {
    void info(String message);

    void warn(String message);

    void debug(String message);

    /** The same reports, each starting with {@code prefix}: which distribution a line is about, when there are several. */
    default Progress prefixed(String prefix) {
        Progress target = this;
        return new Progress() {
            @Override
            public void info(String message) {
                target.info(prefix + message);
            }

            @Override
            public void warn(String message) {
                target.warn(prefix + message);
            }

            @Override
            public void debug(String message) {
                target.debug(prefix + message);
            }
        };
    }

    Progress SILENT = new Progress() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
    };
}
