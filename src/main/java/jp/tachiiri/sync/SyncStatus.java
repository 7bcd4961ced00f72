package jp.tachiiri.sync;

import java.util.List;

/**
 * Where a tablet's finalized inspections stand: waiting to be sent, sent and waiting for the office's
 * receipt, or received by the office.
 */
public record SyncStatus(List<Entry> waiting, List<Entry> sent, List<Entry> received) {

    public record Entry(String inspectionId, int revision, String facilityName, String inspectionDate) {
    }
}
