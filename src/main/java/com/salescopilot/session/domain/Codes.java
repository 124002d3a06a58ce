package com.salescopilot.session.domain;

import com.salescopilot.session.Outcome;
import com.salescopilot.session.SessionStatus;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Lower-case codes in the database for the enums the API also speaks in lower case. */
final class Codes {

    private Codes() {
    }

    @Converter
    static class StatusConverter implements AttributeConverter<SessionStatus, String> {
        @Override
        public String convertToDatabaseColumn(SessionStatus status) {
            return status == null ? null : status.code();
        }

        @Override
        public SessionStatus convertToEntityAttribute(String code) {
            return code == null ? null : SessionStatus.fromCode(code);
        }
    }

    @Converter
    static class OutcomeConverter implements AttributeConverter<Outcome, String> {
        @Override
        public String convertToDatabaseColumn(Outcome outcome) {
            return outcome == null ? null : outcome.code();
        }

        @Override
        public Outcome convertToEntityAttribute(String code) {
            return code == null ? null : Outcome.fromCode(code);
        }
    }
}
