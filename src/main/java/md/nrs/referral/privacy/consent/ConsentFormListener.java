package md.nrs.referral.privacy.consent;

import md.nrs.referral.privacy.PersonRecord;
import md.nrs.referral.privacy.PersonalDataVault;
import md.nrs.referral.privacy.RepresentativeRecord;
import md.nrs.referral.childprotection.ChildProtectionProcess;
import md.nrs.referral.privacy.vault.PendingPersonalData;
import md.nrs.referral.privacy.vault.PersonalFormFields;
import java.util.ArrayList;
import md.nrs.referral.agencies.Agencies;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.InvalidFormException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.engine.EveryUserTask;
import md.nrs.referral.forms.FormCatalog;
import md.nrs.referral.forms.SubmittedVariables;
import md.nrs.referral.identity.DirectoryProperties;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Inside the engine, on completion of a user task:
 * <ul>
 * <li>any task: a variable named like a personal-data field makes the completion fail — the whole
 * transaction rolls back, history included, so a caller bypassing HTTP (the Java API) cannot store one;</li>
 * <li>the informed-consent task: its answers are recorded in the consent registry, and the person's
 * details the HTTP filter took out of the submission are stored in the vault — both in the completion's
 * own transaction. Consent to share is recorded for every active agency and team of the directory (given for those
 * chosen); an agency the directory does not hold as active is refused (400 naming shareWithAgencies).</li>
 * <li>the appointment of a child's legal representative: the representative's name and contact, taken out of the
 * submission the same way, are stored in the vault in the completion's transaction.</li>
 * </ul>
 */
@Component
public class ConsentFormListener implements EveryUserTask {

  private final FormCatalog catalog;
  private final ObjectProvider<ConsentRegistry> consents;
  private final ObjectProvider<PersonalDataVault> vault;
  private final ObjectProvider<Agencies> directory;
  private final Set<String> agencies = new LinkedHashSet<>();
  private final Set<String> personalFieldNames = new LinkedHashSet<>();

  public ConsentFormListener(FormCatalog catalog, ObjectProvider<ConsentRegistry> consents,
      ObjectProvider<PersonalDataVault> vault, DirectoryProperties configured, ObjectProvider<Agencies> directory) {
    this.catalog = catalog;
    this.consents = consents;
    this.vault = vault;
    this.directory = directory;
    configured.agencies().forEach(a -> agencies.add(a.id()));
    configured.teams().forEach(t -> agencies.add(t.id()));
    catalog.all().values().forEach(contract -> personalFieldNames.addAll(PersonalFormFields.names(contract)));
  }

  @Override
  public void onUserTask(UserTask userTask) {
    String formId = userTask.formRef();
    userTask.on(TaskListener.EVENTNAME_COMPLETE, task -> completed(formId, task));
  }

  private void completed(String formId, DelegateTask task) {
    List<String> personal = personalFieldNames.stream().filter(task::hasVariable).toList();
    if (!personal.isEmpty()) {
      throw new ProcessEngineException("Personal data may not be stored as process variables (" + String.join(", ", personal)
          + "); submit it with the form that collects it, or use the personal-data vault");
    }
    boolean consent = NrsCaseProcess.FORM_CONSENT.equals(formId);
    if (!consent && !ChildProtectionProcess.FORM_APPOINT_REPRESENTATIVE.equals(formId)) {
      return;
    }
    Object code = task.getVariable(NrsCaseProcess.CASE_CODE.name());
    if (!(code instanceof String caseCode)) {
      return;
    }
    String actor = Caller.current().userId();
    String agency = agencyOf(task);
    if (!consent) { // the guardianship authority appointed the child's legal representative: name and contact to the vault
      RepresentativeRecord representative = PendingPersonalData.takeRepresentative(task.getId());
      if (representative != null) {
        vault.getObject().storeRepresentative(caseCode, representative, actor == null ? "system" : actor, agency);
      }
      return;
    }
    Map<String, Object> answers = SubmittedVariables.fromEngine(task.getVariablesTyped(false));
    boolean assistance = "given".equals(answers.get(NrsCaseProcess.CONSENT_TO_ASSISTANCE.name()));
    String source = "form " + formId;
    ConsentRegistry registry = consents.getObject();
    registry.record(caseCode, ConsentRegistry.ASSISTANCE, assistance, actor, agency, source);
    if (assistance) {
      List<String> shared = strings(answers.get(NrsCaseProcess.SHARE_WITH_AGENCIES.name()));
      List<String> shareable = directory.getObject().active();
      List<String> unknown = shared.stream().filter(a -> !shareable.contains(a)).sorted().toList();
      if (!unknown.isEmpty()) {
        throw new InvalidFormException(formId, List.of(new FieldError(NrsCaseProcess.SHARE_WITH_AGENCIES.name(),
            String.join(", ", unknown) + (unknown.size() == 1 ? " is not an active agency" : " are not active agencies")
                + " of the directory")));
      }
      for (String other : shareable) {
        registry.record(caseCode, ConsentRegistry.shareWith(other), shared.contains(other), actor, agency, source);
      }
      registry.record(caseCode, ConsentRegistry.LAW_ENFORCEMENT,
          Boolean.TRUE.equals(answers.get(NrsCaseProcess.INFORM_LAW_ENFORCEMENT.name())), actor, agency, source);
      registry.record(caseCode, ConsentRegistry.PARTNER_ABROAD,
          Boolean.TRUE.equals(answers.get(NrsCaseProcess.INFORM_PARTNER_ABROAD.name())), actor, agency, source);
    }
    PersonRecord person = PendingPersonalData.take(task.getId());
    if (person != null && assistance) {
      vault.getObject().store(caseCode, person, actor == null ? "system" : actor, agency);
    }
  }

  /** The agency or team the task was for: the one that met the person and asked for consent. */
  private String agencyOf(DelegateTask task) {
    for (IdentityLink link : task.getCandidates()) {
      if (link.getGroupId() != null && agencies.contains(link.getGroupId())) {
        return link.getGroupId();
      }
    }
    return null;
  }

  private static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> strings.add(String.valueOf(item)));
    } else if (value instanceof String text && text.startsWith("[")) {
      try {
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).forEach(n -> strings.add(n.asText()));
      } catch (Exception notJson) {
        // not a list: nothing shared
      }
    }
    return strings;
  }
}
