package jp.tachiiri.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version comes from pom.xml, filtered into tachiiri-version.properties at build time. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        return new String[] {"tachiiri " + version()};
    }

    public static String version() throws IOException {
        try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream("tachiiri-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        }
    }
}
