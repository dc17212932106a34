package md.nrs.referral.identity;

/**
 * The roles of the NRS platform. A role says what a person may do; the agency or team group they
 * belong to says on whose cases (tasks reach agencies through candidate groups).
 */
public enum NrsRole {
  CASEWORKERS("caseworkers", "Caseworkers (agency staff working cases in Tasklist)"),
  NRS_COORDINATORS("nrs-coordinators", "NRS coordinators"),
  MANAGERS("managers", "Managers (bottleneck analysis in Cockpit, read-only)"),
  POLICY_STAFF("policy-staff", "Policy staff (process and decision models)"),
  OPERATORS("operators", "Platform operators (health and metrics)"),
  AUDITORS("auditors", "Auditors (read and verify the audit trail; never see personal data)"),
  ADMINISTRATORS("camunda-admin", "Administrators");

  private final String groupId;
  private final String groupName;

  NrsRole(String groupId, String groupName) {
    this.groupId = groupId;
    this.groupName = groupName;
  }

  public String groupId() {
    return groupId;
  }

  public String groupName() {
    return groupName;
  }
}
