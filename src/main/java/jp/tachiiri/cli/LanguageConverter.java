package jp.tachiiri.cli;

import jp.tachiiri.model.Language;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code --lang ja|en}; anything else is a usage error. */
final class LanguageConverter implements ITypeConverter<Language> {
    @Override
    public Language convert(String value) {
        return Language.fromCode(value);
    }
}
