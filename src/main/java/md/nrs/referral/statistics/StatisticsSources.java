package md.nrs.referral.statistics;

/**
 * The processes and variables the national statistics read, as their contracts spell them. The hotline
 * and domestic-violence pilot processes are built elsewhere; their keys and variables are fixed here.
 */
public final class StatisticsSources {

  public static final String HOTLINE_CALL = "hotline-call";
  public static final String CALL_TYPE = "callType";
  public static final String OPERATOR_AGENCY = "operatorAgency";
  public static final String[] CALL_TYPES = {"information", "consultation", "sos"};

  public static final String DV_GROUP_COUNSELLING = "dv-group-counselling";
  public static final String PARTICIPANT_KIND = "participantKind";
  public static final String COUNSELLING_OUTCOME = "counsellingOutcome";
  public static final String COMPLETED = "completed";
  public static final String[] PARTICIPANT_KINDS = {"victim", "perpetrator"};

  /** Statuses the identification interview records for a (presumed) victim: counted as identified. */
  public static final java.util.Set<String> IDENTIFIED = java.util.Set.of("identified-victim", "presumed-victim");
  public static final String[] AGE_BANDS = {"0-2", "3-6", "7-17", "18+", "unknown"};
  public static final String[] FORMS_OF_EXPLOITATION = {"sexual", "labour", "begging", "forced-criminality",
      "organ-removal", "other"};
  /** Service outcomes that count as a service delivered. */
  public static final java.util.Set<String> DELIVERED = java.util.Set.of("delivered", "partially-delivered");

  private StatisticsSources() {
  }
}
