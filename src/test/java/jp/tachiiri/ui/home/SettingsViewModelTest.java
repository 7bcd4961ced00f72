package jp.tachiiri.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import jp.tachiiri.advice.AdviceSettings;
import jp.tachiiri.model.Language;
import jp.tachiiri.ui.DemoWorkspaceFixture;
import org.junit.jupiter.api.Test;

/** The printout settings' rules, without a screen, on a real SQLite workspace with the demo prefecture. */
class SettingsViewModelTest extends DemoWorkspaceFixture {

    private SettingsViewModel loaded(Language language) {
        SettingsViewModel model = new SettingsViewModel(models(language));
        model.load();
        assertThat(model.loadedProperty().get()).isTrue();
        return model;
    }

    @Test
    void theStoredSettingsAreShown() {
        workspace.settings().setAdvice(new AdviceSettings("みずほ県 健康福祉部", 45));

        SettingsViewModel model = loaded(Language.JA);

        assertThat(model.authorityProperty().get()).isEqualTo("みずほ県 健康福祉部");
        assertThat(model.reportDaysProperty().get()).isEqualTo("45");
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void rightValuesAreStoredAndFullWidthDigitsCount() {
        SettingsViewModel model = loaded(Language.JA);
        model.authorityProperty().set("  県医療政策課  ");
        model.reportDaysProperty().set("６０");

        model.save();

        assertThat(model.savedProperty().get()).isTrue();
        assertThat(workspace.settings().advice()).isEqualTo(new AdviceSettings("県医療政策課", 60));
    }

    @Test
    void aWrongNumberOfDaysIsExplainedAndNothingIsStored() {
        AdviceSettings before = workspace.settings().advice();
        SettingsViewModel model = loaded(Language.EN);

        model.reportDaysProperty().set("abc");
        model.save();
        assertThat(model.errorProperty().get()).contains("abc");

        model.reportDaysProperty().set("400");
        model.save();
        assertThat(model.errorProperty().get()).contains("365");

        assertThat(model.savedProperty().get()).isFalse();
        assertThat(workspace.settings().advice()).isEqualTo(before);
    }
}
