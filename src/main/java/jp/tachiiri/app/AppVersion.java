package jp.tachiiri.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The application's version, pom.xml's, filtered into tachiiri-version.properties at build time: what the
 * command line's --version prints, the home screens show and the installers are numbered by.
 */
public final class AppVersion {

    /** Read once: the version cannot change while the application runs. */
    private static final String CURRENT = read();

    private AppVersion() {
    }

    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = AppVersion.class.getClassLoader().getResourceAsStream("tachiiri-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
