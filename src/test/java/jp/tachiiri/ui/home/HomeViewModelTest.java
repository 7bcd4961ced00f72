package jp.tachiiri.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.Language;
import jp.tachiiri.ui.DemoWorkspaceFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The search over the facilities on the first screen, without a screen. */
class HomeViewModelTest {

    private static final Facility MIZUHO = facility("demo-mizuho", "9910000033", "デモ みずほ台病院", "でも みずほだいびょういん");
    private static final Facility YAMANOUCHI = facility("demo-yamanouchi", "9910000041", "デモ 山ノ内リハビリテーション病院",
            "でも やまのうちりはびりてーしょんびょういん");
    private static final Facility AOBADAI = facility("demo-aobadai", "9910000017", "デモ県立 青葉台中央病院",
            "でもけんりつ あおばだいちゅうおうびょういん");

    private static Facility facility(String id, String code, String name, String kana) {
        return new Facility(id, code, name, kana, "デモ県", FacilityType.HOSPITAL, 100, true, false, List.of(), List.of(), true);
    }

    @Test
    void matchesNameCodeOrKanaBySubstring() {
        assertThat(HomeViewModel.matching("ミズホ").test(MIZUHO)).as("kana typed in katakana").isTrue();
        assertThat(HomeViewModel.matching("みずほだい びょういん").test(MIZUHO)).as("kana with a space").isTrue();
        assertThat(HomeViewModel.matching("みずほ台").test(MIZUHO)).as("name").isTrue();
        assertThat(HomeViewModel.matching("0000033").test(MIZUHO)).as("part of the code").isTrue();
        assertThat(HomeViewModel.matching("９９１０００００３３").test(MIZUHO)).as("full-width code").isTrue();
        assertThat(HomeViewModel.matching("りはびり").test(YAMANOUCHI)).as("a katakana name in hiragana").isTrue();
        assertThat(HomeViewModel.matching("アオバ").test(MIZUHO)).isFalse();
        assertThat(HomeViewModel.matching("0000017").test(MIZUHO)).isFalse();
        assertThat(HomeViewModel.matching("").test(MIZUHO)).isTrue();
        assertThat(HomeViewModel.matching("  ").test(AOBADAI)).isTrue();
    }

    /** The demo prefecture's five facilities, read from a real data folder, narrowed as the inspector types. */
    @Nested
    class OnTheDemoPrefecture extends DemoWorkspaceFixture {

        @Test
        void theSearchNarrowsTheListTheTableShows() {
            HomeViewModel model = new HomeViewModel(models(Language.JA));
            model.load();
            assertThat(model.facilities()).hasSize(5).extracting(Facility::id).contains("demo-mizuho", "demo-aobadai");
            assertThat(model.searching()).isFalse();

            model.searchProperty().set("ミズホ");
            assertThat(model.facilities()).extracting(Facility::id).containsExactly("demo-mizuho");
            assertThat(model.searching()).isTrue();
            assertThat(model.allFacilities()).as("the whole list stays, for the count beside the search").hasSize(5);

            model.searchProperty().set("デモ");
            assertThat(model.facilities()).hasSize(5);

            model.searchProperty().set("存在しない");
            assertThat(model.facilities()).isEmpty();

            model.searchProperty().set("");
            assertThat(model.facilities()).hasSize(5);
        }
    }
}
