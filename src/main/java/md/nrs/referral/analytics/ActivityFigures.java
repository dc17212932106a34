package md.nrs.referral.analytics;

/**
 * What one activity of a process looks like to a manager: tokens waiting there now, how many of those
 * are overdue, how long it took in the period (median and 90th percentile, milliseconds, over the
 * instances that ended in the period), SLA breaches recorded in the period, and the agency (candidate
 * group) — on the dashboard one row per step and agency, in the diagram one per step. Counts and
 * durations only: no case code, no person.
 *
 * <p>{@code breachRate} = breaches in the period / (instances ended in the period + instances waiting
 * now), 0 when both are 0. {@code overdueShare} = overdue / waiting. {@code limitUsed}: the largest share of
 * its time limit (due date − creation) that a task waiting now has used (1.0 = due now), null when none has a
 * due date. {@code timeLimit}: the step's limit for a standard referral from {@code sla-durations.dmn}, in
 * words; {@code status}: {@link TimeLimitStatus} from these figures (the badge colour).
 */
public record ActivityFigures(
    String processDefinitionKey,
    String processDefinitionId,
    String activityId,
    String activityName,
    String activityType,
    long waiting,
    long overdue,
    long completed,
    Long medianMillis,
    Long p90Millis,
    long breaches,
    double breachRate,
    String agency,
    String agencyName,
    String timeLimit,
    double overdueShare,
    Double limitUsed,
    TimeLimitStatus status) {

  /** CSV columns, in order. */
  static final String CSV_HEADER = "process,processDefinitionId,activityId,activityName,activityType,waiting,overdue,"
      + "completedInPeriod,medianHours,p90Hours,breachesInPeriod,breachRate,agency,agencyName,timeLimit,overdueShare,"
      + "limitUsed,status";

  String csvRow() {
    return String.join(",", Csv.cell(processDefinitionKey), Csv.cell(processDefinitionId), Csv.cell(activityId),
        Csv.cell(activityName), Csv.cell(activityType), Long.toString(waiting), Long.toString(overdue),
        Long.toString(completed), hours(medianMillis), hours(p90Millis), Long.toString(breaches),
        share(breachRate), Csv.cell(agency), Csv.cell(agencyName), Csv.cell(timeLimit), share(overdueShare),
        limitUsed == null ? "" : share(limitUsed), status.code());
  }

  private static String share(double value) {
    return String.format(java.util.Locale.ROOT, "%.3f", value);
  }

  private static String hours(Long millis) {
    return millis == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", millis / 3_600_000.0);
  }
}
