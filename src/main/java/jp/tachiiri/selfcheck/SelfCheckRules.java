package jp.tachiiri.selfcheck;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorForm;

/**
 * The rules the forms set, wherever they are filled in (on the inspection's screen, or in a workbook the office
 * imports): each ministry item of the catalog once, no day in the future, a target date only for いいえ and never
 * before the day checked, a vendor form only for a contract of the facility and answers only for the items the vendor
 * form carries. A broken rule is refused naming the item or contract and the value.
 */
public final class SelfCheckRules {

    private SelfCheckRules() {
    }

    public static void checkHospitalRows(Catalog catalog, Collection<HospitalFormEntry> entries, LocalDate today) {
        Set<String> numbers = new HashSet<>();
        for (HospitalFormEntry entry : entries) {
            ministryItem(catalog, entry.ministryNumber());
            if (!numbers.add(entry.ministryNumber())) {
                throw new UserFacingException("selfCheck.error.rowTwice", entry.ministryNumber());
            }
            entry.checkedOn().filter(day -> day.isAfter(today)).ifPresent(day -> {
                throw new UserFacingException("selfCheck.error.checkedInFuture", entry.ministryNumber(), day);
            });
            if (entry.targetDate().isPresent() && !entry.answer().equals(Optional.of(SelfCheckAnswer.NO))) {
                throw new UserFacingException("selfCheck.error.targetWithoutNo", entry.ministryNumber());
            }
            if (entry.targetDate().isPresent() && entry.checkedOn().isPresent()
                    && entry.targetDate().get().isBefore(entry.checkedOn().get())) {
                throw new UserFacingException("selfCheck.error.targetBeforeCheck", entry.ministryNumber(),
                        entry.targetDate().get(), entry.checkedOn().get());
            }
        }
    }

    public static void checkVendorForm(Facility facility, Catalog catalog, VendorForm form, LocalDate today) {
        if (!facility.vendors().contains(form.contract())) {
            throw new UserFacingException("selfCheck.error.noSuchContract", form.contract().key(),
                    facility.name());
        }
        form.filledOn().filter(day -> day.isAfter(today)).ifPresent(day -> {
            throw new UserFacingException("selfCheck.error.vendorFilledInFuture", form.contract().key(), day);
        });
        for (String number : form.answers().keySet()) {
            if (!ministryItem(catalog, number).onVendorForm()) {
                throw new UserFacingException("selfCheck.error.notOnVendorForm", number);
            }
        }
    }

    private static MinistryItem ministryItem(Catalog catalog, String number) {
        return catalog.ministryItems().stream().filter(item -> item.number().equals(number)).findFirst()
                .orElseThrow(() -> new UserFacingException("selfCheck.error.unknownMinistryItem", number, catalog.version()));
    }
}
