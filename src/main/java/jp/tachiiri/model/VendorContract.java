package jp.tachiiri.model;

/** A maintenance contract with the vendor of one of the facility's medical information systems. */
public record VendorContract(String vendorName, String system) {
}
