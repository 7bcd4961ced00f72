package jp.tachiiri.model;

import java.util.Optional;

/**
 * The question asked before all others: does the facility run a medical information system at all? Answered
 * {@link Answer#NO}, no other item applies.
 */
public record GateQuestion(
        String id,
        LocalizedText title,
        LocalizedText guidance,
        Optional<String> guidelineRef) {
}
