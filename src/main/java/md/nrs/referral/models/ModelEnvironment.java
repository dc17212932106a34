package md.nrs.referral.models;

import java.util.Optional;
import java.util.Set;

/**
 * What already exists outside the files being checked: deployed forms, processes and decisions, the
 * platform's Spring beans and Java classes, the known groups, and the process and form contracts. A
 * revision may reference anything that is either here or in the revision itself.
 */
public interface ModelEnvironment {

  boolean formDeployed(String formId);

  boolean processDeployed(String processKey);

  boolean decisionDeployed(String decisionKey);

  boolean beanExists(String beanName);

  /**
   * Whether a bean is one of the platform's own delegates or listeners — the only beans a model may name
   * (the engine exposes no others to expressions, see {@code expressions.PlatformDelegates}).
   */
  default boolean isPlatformDelegate(String beanName) {
    return beanExists(beanName);
  }

  boolean classExists(String className);

  /** An agency, team or role group id (nrs.directory, the roles, or a group an administrator added). */
  boolean groupKnown(String groupId);

  /** Variables the Java process contract of this key declares; empty when the process has no contract. */
  Set<String> contractVariables(String processKey);

  /** Variables a delegate bean declares (its {@code ProcessVariable} constants): what it writes or reads. */
  default Set<String> delegateVariables(String beanName) {
    return Set.of();
  }

  /** Field names of the server-side form contract (@FormContract record) of a form id, if it has one. */
  Optional<Set<String>> formContractFields(String formId);

  /** Accepts every reference: only what a file says about itself is checked. */
  static ModelEnvironment permissive(java.util.function.Predicate<String> formDeployed) {
    return new ModelEnvironment() {
      @Override public boolean formDeployed(String formId) { return formDeployed.test(formId); }
      @Override public boolean processDeployed(String processKey) { return true; }
      @Override public boolean decisionDeployed(String decisionKey) { return true; }
      @Override public boolean beanExists(String beanName) { return true; }
      @Override public boolean classExists(String className) { return true; }
      @Override public boolean groupKnown(String groupId) { return true; }
      @Override public Set<String> contractVariables(String processKey) { return Set.of(); }
      @Override public Optional<Set<String>> formContractFields(String formId) { return Optional.empty(); }
      @Override public boolean checksVariables() { return false; }
    };
  }

  /** Whether the variable rule applies (off when nothing is known about the contracts). */
  default boolean checksVariables() {
    return true;
  }
}
