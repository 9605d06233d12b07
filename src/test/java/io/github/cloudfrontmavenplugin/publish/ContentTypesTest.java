package io.github.cloudfrontmavenplugin.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ContentTypesTest {
    /** Loads the plugin's and Tika's classes afresh, and notes which thread loaded each class it was asked for. */
    private static final class FreshClasses extends URLClassLoader {
        final Map<String, String> loadedBy = new ConcurrentHashMap<>();

        FreshClasses() throws MalformedURLException {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        private static URL[] classPath() throws MalformedURLException {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(new File(entry).toURI().toURL());
            }
            return urls.toArray(URL[]::new);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            loadedBy.putIfAbsent(name, Thread.currentThread().getName());
            return super.findClass(name);
        }
    }

    @Test
    void loadingInTheBackgroundReadsTheTableOnItsOwnThreadAndNeverTikasXml() throws Exception {
        try (FreshClasses classes = new FreshClasses()) {
            Class<?> contentTypes = Class.forName(ContentTypes.class.getName(), true, classes);
            Object threads = contentTypes.getMethod("loadInBackground").invoke(null);
            threads.getClass().getMethod("join").invoke(threads);

            assertEquals("cloudfront-content-types", classes.loadedBy.get(ContentTypeTable.class.getName()));
            for (String name : List.of("index.html", "app.js", "LICENSE", "archive.tar.gz", "a b.svg")) {
                contentTypes.getMethod("of", String.class).invoke(null, name);
            }
            // Tika's reader of its XML table is loaded only when that table is read.
            assertNull(classes.loadedBy.get("org.apache.tika.mime.MimeTypesReader"));
            assertEquals(
                    "text/html; charset=utf-8",
                    contentTypes.getMethod("of", String.class).invoke(null, "index.html"));
            // A name that reads as a URI with a scheme, which Tika reads as no name at all.
            assertEquals(
                    "application/octet-stream",
                    contentTypes.getMethod("of", String.class).invoke(null, "mailto:x.php"));
            assertNull(classes.loadedBy.get("org.apache.tika.mime.MimeTypesReader"));
        }
    }
}
