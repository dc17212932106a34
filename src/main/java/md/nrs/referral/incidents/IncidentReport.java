package md.nrs.referral.incidents;

import java.time.LocalDate;

/** A validated report on a case, as the service takes it: the note is the only personal part. */
record IncidentReport(ReportType type, String caseCode, String kind, LocalDate occurredOn, String note) {

  /** Never the note: records print their components, and this one may reach a log by mistake. */
  @Override
  public String toString() {
    return "IncidentReport[" + type.wireName() + ", " + caseCode + ", " + kind + ", " + occurredOn
        + (note == null ? "" : ", note withheld") + "]";
  }
}
