package jp.tachiiri.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Condition;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.FeeAddOn;
import jp.tachiiri.model.FeeAddOnClaim;
import jp.tachiiri.model.HelpResource;
import jp.tachiiri.model.LocalizedText;
import org.junit.jupiter.api.Test;

/**
 * What the FY2026 catalog tells hospitals, read from the bundled file: the corrections of the December 2026 audit
 * (docs/checklist-sources.md), and the texts of the catalog it replaces kept as they shipped.
 */
class Fy2026CatalogTest {

    private static final CatalogLibrary LIBRARY = CatalogLibrary.bundled();
    private static final Catalog CATALOG = LIBRARY.version("2026.1").orElseThrow();
    private static final LocalDate UNDER_THE_2024_RULES = LocalDate.of(2026, 5, 20);
    private static final LocalDate UNDER_THE_2026_RULES = LocalDate.of(2026, 6, 1);

    @Test
    void itFollowsTheFy2025ChecklistAndSaysSo() {
        assertThat(CATALOG.fiscalYear()).isEqualTo(2026);
        assertThat(CATALOG.checklist().name().ja()).contains("令和7年度版");
        assertThat(CATALOG.checklist().label()).isEqualTo("R7");
        assertThat(CATALOG.title().ja()).contains("令和8年度", "令和7年度版チェックリストにより確認");
        assertThat(CATALOG.title().en()).contains("FY2025 edition");
        // Nothing was checked against the ministry's final PDF: no row may say so.
        assertThat(CATALOG.ministryItems()).noneMatch(item -> item.confirmed());
    }

    /** 24 items answer the ministry's 18; the 14 others are 参考 (the 15 of 2025.1 but the recovery procedures). */
    @Test
    void theMinistrysItemsAndThe参考ItemsAreApart() {
        List<CatalogItem> ministry = CATALOG.items().stream().filter(item -> !item.isReference()).toList();
        List<CatalogItem> reference = CATALOG.items().stream().filter(CatalogItem::isReference).toList();
        assertThat(CATALOG.ministryItems()).hasSize(18);
        assertThat(ministry).hasSize(24);
        assertThat(reference).extracting(CatalogItem::id).containsExactly("vulnerability.vpn-firmware",
                "vulnerability.information-intake", "backup.leak-protection", "recovery.anti-malware", "recovery.drills",
                "recovery.staff-training-a207", "recovery.staff-training", "contact.dedicated-security-manager",
                "contact.vendor-route", "contact.mhlw-route", "contact.incident-reporting", "contact.vendor-checklist",
                "contact.first-response-support", "contact.hospital-checklist");
        assertThat(CATALOG.item("recovery.procedures").orElseThrow().ministryItem().orElseThrow().number())
                .isEqualTo("3-②");
    }

    @Test
    void passwordsMixLettersDigitsAndSymbols() {
        CatalogItem passwords = CATALOG.item("vulnerability.password-policy").orElseThrow();
        assertThat(passwords.ministryItem().orElseThrow().wording().ja()).contains("英数字、記号が混在した8文字以上");
        // The ministry's own words; letters and digits alone do not meet them.
        assertThat(passwords.guidance().ja()).contains("英数字、記号が混在した8文字以上", "英字と数字だけ", "事業者確認用");
        passwords.advice().forEach(variant -> assertThat(variant.text().ja())
                .contains("英数字、記号が混在した8文字以上").doesNotContain("複数の種類"));
        passwords.advice().forEach(variant -> assertThat(variant.text().en()).contains("alphanumeric characters and symbols"));
    }

    /** Two-factor authentication is a target for FY2027, not a requirement, and its target dates follow that year. */
    @Test
    void twoFactorAuthenticationIsATargetForFy2027() {
        CatalogItem twoFactor = CATALOG.item("vulnerability.two-factor-auth").orElseThrow();
        assertThat(twoFactor.targetFiscalYear()).contains(2027);
        for (LocalizedText text : texts(twoFactor)) {
            assertThat(text.ja()).doesNotContain("導入することとされています");
        }
        assertThat(twoFactor.advice()).allSatisfy(variant -> assertThat(variant.text().ja()).contains("令和9年度", "目標"));
        // The guideline asks for it (or an equivalent) when systems are renewed; its Q&A calls it desirable.
        assertThat(twoFactor.guidance().ja()).contains("二要素認証の採用又はこれに相当する対応を求めており", "Q&A", "望ましい");
    }

    @Test
    void leakReportingNamesWrongfulIntentAndTheNoticeToThePersonsConcerned() {
        CatalogItem reporting = CATALOG.item("contact.incident-reporting").orElseThrow();
        assertThat(reporting.advice().get(0).text().ja()).contains("不正の目的をもって行われたおそれ", "60日以内", "本人",
                "3〜5日");
        HelpResource ppc = resource("ppc-reporting");
        assertThat(ppc.body().ja()).contains("本人への通知", "不正の目的をもって行われたおそれ", "ランサムウェア", "60日以内",
                "30日以内", "公立の医療機関");
        assertThat(ppc.body().en()).contains("notified", "wrongful intent", "ransomware");
        assertThat(resource("mhlw-reporting").body().ja()).contains("保守事業者", "警察");
    }

    /** お助け隊 is METI/IPA's scheme for small and medium organisations, with no bed rule and no fixed price. */
    @Test
    void otasuketaiHasNoBedRule() {
        HelpResource otasuketai = resource("otasuketai");
        assertThat(otasuketai.when()).isEmpty();
        assertThat(otasuketai.body().ja()).contains("経済産業省・IPA", "中小企業等", "2類", "確認してください")
                .doesNotContain("200床", "月額");
        assertThat(resource("mhlw-training").body().ja()).contains("MIST");
        assertThat(resource("mhlw-training").when()).isEmpty();
        assertThat(resource("mhlw-support").body().ja()).contains("医療機関におけるサイバーセキュリティ確保事業");
        assertThat(resource("mhlw-support").when()).as("a programme for hospitals")
                .containsExactly(new Condition.FacilityTypeIn(Set.of(FacilityType.HOSPITAL)));
        for (CatalogItem item : CATALOG.items()) {
            for (LocalizedText text : texts(item)) {
                assertThat(text.ja()).as(item.id()).doesNotContain("200床未満", "月額1万円");
            }
        }
    }

    /**
     * The fee add-on's conditions follow the add-on claimed, not beds: under the 2024 rules 加算1 at any bed count
     * brings the offline backups and the BCP with drills; the dedicated manager only from 200 beds, under 加算1 or 2;
     * from June 2026 the successor's general statement; nothing for a hospital that claims nothing.
     */
    @Test
    void theFeeAddOnsConditionsFollowTheClaimAndTheDay() {
        FeeAddOn records1 = addOn("records-management-1-2024");
        FeeAddOn records2 = addOn("records-management-2-2024");
        FeeAddOn successor = addOn("digital-linkage-inpatient-2026");
        assertThat(records1.inForceOn(LocalDate.of(2026, 5, 31))).isTrue();
        assertThat(records1.inForceOn(UNDER_THE_2026_RULES)).isFalse();
        assertThat(successor.inForceOn(UNDER_THE_2026_RULES)).isTrue();
        assertThat(successor.inForceOn(LocalDate.of(2026, 5, 31))).isFalse();

        FacilityProfile small = hospital(150, UNDER_THE_2024_RULES, "records-management-1-2024");
        assertThat(texts(records1, small)).anyMatch(text -> text.contains("オフラインで保管"))
                .anyMatch(text -> text.contains("業務継続計画") && text.contains("年1回程度"))
                .noneMatch(text -> text.contains("専任"));
        assertThat(texts(records2, hospital(250, UNDER_THE_2024_RULES, "records-management-2-2024")))
                .singleElement().satisfies(text -> assertThat(text).contains("専任", "200床以上"));

        CatalogItem dedicated = CATALOG.item("contact.dedicated-security-manager").orElseThrow();
        assertThat(dedicated.appliesTo(hospital(250, UNDER_THE_2024_RULES))).as("claims nothing").isFalse();
        assertThat(dedicated.appliesTo(hospital(250, UNDER_THE_2024_RULES, "records-management-2-2024"))).isTrue();
        assertThat(dedicated.appliesTo(hospital(150, UNDER_THE_2024_RULES, "records-management-1-2024"))).isFalse();
        assertThat(dedicated.appliesTo(hospital(250, UNDER_THE_2026_RULES, "records-management-2-2024")))
                .as("the 2024 conditions ended").isFalse();
        // The successor's security conditions could not be read in a primary source: a general statement, tied to
        // no item, and no notice number.
        assertThat(successor.requirements()).singleElement().satisfies(requirement -> {
            assertThat(requirement.text().ja()).contains("非常時における対応につき十分な体制", "施設基準の通知")
                    .doesNotContain("保医発", "移");
            assertThat(requirement.itemIds()).isEmpty();
        });

        // Inpatient add-ons: a clinic without beds cannot claim them, and a claim it holds brings nothing.
        assertThat(CATALOG.feeAddOns()).allSatisfy(addOn -> assertThat(addOn.facilityTypes())
                .containsExactlyInAnyOrder(FacilityType.HOSPITAL, FacilityType.CLINIC_WITH_BEDS));
        FacilityProfile clinicClaiming = new FacilityProfile(FacilityType.CLINIC_WITHOUT_BEDS, 0, true, true, true,
                List.of(new FeeAddOnClaim("records-management-1-2024", LocalDate.of(2024, 6, 1))), UNDER_THE_2024_RULES);
        assertThat(records1.claimedBy(clinicClaiming)).isFalse();
        assertThat(records1.claimedBy(hospital(150, UNDER_THE_2024_RULES, "records-management-1-2024"))).isTrue();

        // No item's advice speaks of the add-on: that is the add-on section's, for those who claim it.
        for (CatalogItem item : CATALOG.items()) {
            if (!item.id().equals("contact.dedicated-security-manager") && !item.id().equals("recovery.staff-training-a207")) {
                item.advice().forEach(variant -> assertThat(variant.text().ja()).as(item.id())
                        .doesNotContain("加算", "A207"));
            }
        }
    }

    /** A clinic is inspected with the same checklist and is told nothing meant for hospitals. */
    @Test
    void aClinicGetsNoHospitalText() {
        FacilityProfile clinic = new FacilityProfile(FacilityType.CLINIC_WITHOUT_BEDS, 0, true, true, true, List.of(),
                UNDER_THE_2026_RULES);
        List<CatalogItem> asked = Applicability.applicableItems(CATALOG, clinic);
        assertThat(asked).extracting(CatalogItem::id).contains("vulnerability.password-policy", "backup.offline-copy")
                .doesNotContain("contact.dedicated-security-manager", "recovery.staff-training-a207");
        for (CatalogItem item : asked) {
            item.adviceFor(clinic).ifPresent(advice -> assertThat(advice.ja()).as(item.id()).doesNotContain("病院"));
        }
        // Where a clinic is best told something of its own, it is.
        assertThat(CATALOG.item("contact.first-response-support").orElseThrow().adviceFor(clinic).orElseThrow().ja())
                .startsWith("診療所では");
        assertThat(CATALOG.item("contact.first-response-support").orElseThrow()
                .adviceFor(hospital(150, UNDER_THE_2026_RULES)).orElseThrow().ja()).doesNotContain("診療所");
        assertThat(CATALOG.resources().stream().filter(resource -> resource.appliesTo(clinic)).map(HelpResource::id))
                .containsExactly("otasuketai", "mhlw-training", "ppc-reporting", "mhlw-reporting");
        CATALOG.resources().stream().filter(resource -> resource.appliesTo(clinic))
                .forEach(resource -> assertThat(resource.body().ja()).as(resource.id()).doesNotContain("病院"));
    }

    /** A shipped version's texts never change: an inspection made with 2025.1 prints what it said then. */
    /**
     * The printout's statements of the rules in force (help, duties, fee add-ons) are the same for an inspection made
     * with 2025.1, and 2025.1 gives two-factor authentication its FY2027 target too; its items' texts stay as shipped.
     */
    @Test
    void inspectionsMadeWith2025_1StateTheRulesInForceAs2026_1Does() {
        Catalog older = LIBRARY.version("2025.1").orElseThrow();
        assertThat(older.resources()).isEqualTo(CATALOG.resources());
        assertThat(older.feeAddOns()).isEqualTo(CATALOG.feeAddOns());
        assertThat(older.item("vulnerability.two-factor-auth").orElseThrow().targetFiscalYear()).contains(2027);
        assertThat(older.items()).filteredOn(CatalogItem::isReference).noneMatch(CatalogItem::targetDateRequired);
        assertThat(CATALOG.items()).filteredOn(CatalogItem::isReference).noneMatch(CatalogItem::targetDateRequired);
        assertThat(CATALOG.items()).filteredOn(item -> !item.isReference()).allMatch(CatalogItem::targetDateRequired);
    }

    @Test
    void theTextsOf2025_1AreThoseItShippedWith() throws Exception {
        JsonNode root = new ObjectMapper().readTree(LIBRARY.document("2025.1").orElseThrow());
        List<String> texts = new ArrayList<>();
        for (String member : List.of("title", "gate", "checkpoints")) {
            collectTexts(root.get(member), texts);
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", texts).getBytes(StandardCharsets.UTF_8));
        assertThat(texts).hasSize(300);
        // The SHA-256 of the 300 texts of 2025.1 as shipped in format 1 (commit f89735d), before its conversion.
        assertThat(HexFormat.of().formatHex(digest))
                .isEqualTo("33fb632d55313f66125ecb17bb042c4a3cd054c8c7832348ff22a9527aa550dc");
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        if (node.isObject() && node.size() == 2 && node.has("ja") && node.has("en")) {
            texts.add(node.get("ja").textValue());
            texts.add(node.get("en").textValue());
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectTexts(child, texts));
        }
    }

    private static FacilityProfile hospital(int beds, LocalDate day, String... claims) {
        return new FacilityProfile(FacilityType.HOSPITAL, beds, true, true, true,
                Arrays.stream(claims).map(claim -> new FeeAddOnClaim(claim, LocalDate.of(2024, 6, 1))).toList(),
                day);
    }

    private static List<String> texts(FeeAddOn addOn, FacilityProfile profile) {
        return addOn.requirements().stream().filter(requirement -> requirement.appliesTo(profile))
                .map(requirement -> requirement.text().ja()).toList();
    }

    private static List<LocalizedText> texts(CatalogItem item) {
        List<LocalizedText> texts = new ArrayList<>(List.of(item.title(), item.guidance()));
        item.advice().forEach(variant -> texts.add(variant.text()));
        return texts;
    }

    private static FeeAddOn addOn(String id) {
        return CATALOG.feeAddOns().stream().filter(addOn -> addOn.id().equals(id)).findFirst().orElseThrow();
    }

    private static HelpResource resource(String id) {
        return CATALOG.resources().stream().filter(resource -> resource.id().equals(id)).findFirst().orElseThrow();
    }
}
