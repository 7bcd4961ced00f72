package jp.tachiiri.model;

/** A maintenance contract with the vendor of one of the facility's medical information systems. */
public record VendorContract(String vendorName, String system) {

    /** How a contract is named where one text must name it (a gap's subject, an audit event, a message): vendor / system. */
    public String key() {
        return system.isEmpty() ? vendorName : vendorName + " / " + system;
    }
}
