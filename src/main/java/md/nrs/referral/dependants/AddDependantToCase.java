package md.nrs.referral.dependants;

import java.util.List;
import java.util.Map;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.intake.IntakePerson;
import md.nrs.referral.privacy.PersonRecord;
import md.nrs.referral.privacy.StartFormPersonalData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Add the family member to the case": the Tasklist form's dependant goes through {@link DependantCases}, the service
 * of the REST endpoint, as the user who submitted it — the same rule of who may, the same audit, the same linked case
 * on the child path for a child. A refusal refuses the start as an invalid form at the field it names (no part in the
 * case, an unknown or ended case: at {@code caseCode}, in the endpoint's words) and nothing is created. The
 * dependant's new case code becomes this instance's business key.
 */
@Component("addDependantToCase")
public class AddDependantToCase implements JavaDelegate {

  /** The service's field names to the form's. */
  private static final Map<String, String> FORM_FIELDS = Map.of("code", AddDependantProcess.CASE_CODE.name(),
      "person.givenName", "personGivenName", "person.familyName", "personFamilyName",
      "person.dateOfBirth", "personDateOfBirth");

  private final DependantCases cases;

  public AddDependantToCase(DependantCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IntakePerson person = StartFormPersonalData.take(AddDependantProcess.FORM_ADD_DEPENDANT)
        .map(AddDependantToCase::intakePerson).orElse(null);
    DependantRequest request = new DependantRequest(AddDependantProcess.RELATION.get(execution),
        AddDependantProcess.AGE_BAND.get(execution), AddDependantProcess.SEX.get(execution),
        AddDependantProcess.IMMEDIATE_DANGER.get(execution), person);
    DependantAnswer answer;
    try {
      answer = cases.add(AddDependantProcess.CASE_CODE.get(execution), request, Caller.current());
    } catch (ApiProblem refused) {
      throw new InvalidFormException(AddDependantProcess.FORM_ADD_DEPENDANT, atFormFields(refused));
    }
    execution.setProcessBusinessKey(answer.caseCode());
    AddDependantProcess.DEPENDANT_CASE_CODE.set(execution, answer.caseCode());
  }

  /** Each problem at the form's field; one without a field (no part in the case) at the case code. */
  private static List<FieldError> atFormFields(ApiProblem refused) {
    if (refused.fieldErrors().isEmpty()) {
      return List.of(new FieldError(AddDependantProcess.CASE_CODE.name(), refused.getMessage()));
    }
    return refused.fieldErrors().stream()
        .map(error -> new FieldError(FORM_FIELDS.getOrDefault(error.field(), error.field()), error.message())).toList();
  }

  private static IntakePerson intakePerson(PersonRecord person) {
    return new IntakePerson(person.givenName(), person.familyName(), person.dateOfBirth(), person.phone(), person.email(),
        person.address(), person.documentType(), person.documentNumber(), person.familyContact());
  }
}
