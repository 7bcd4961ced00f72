package jp.tachiiri.cli;

import jp.tachiiri.app.AppVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code tachiiri --version}: the application's version (pom.xml's). */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"tachiiri " + AppVersion.current()};
    }
}
