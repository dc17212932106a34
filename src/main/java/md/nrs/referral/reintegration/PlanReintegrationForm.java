package md.nrs.referral.reintegration;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;
import md.nrs.referral.forms.ShownFromProcess;

/**
 * The responsible team chooses the reintegration programmes (at least one). The note must not name the person. A
 * child ({@code minor}, shown from the case) keeps going to school: a child's plan always includes education
 * (school continuity, Law 140/2013; GD 270/2014), which the routing table gives to the community social workers.
 */
@FormContract(ReintegrationProcess.FORM_PLAN)
@RequiredWhen(field = "programmes", when = "minor", is = "true", includes = ReintegrationProcess.EDUCATION,
    message = "must include education for a child: the child keeps going to school")
public record PlanReintegrationForm(
    @NotEmpty(message = "choose at least one programme")
    List<@OneOf({"family-community", ReintegrationProcess.EDUCATION, "vocational-training", "employment"}) String> programmes,
    @Size(max = 1000) String planNote,
    @ShownFromProcess Boolean minor) {

  /** An adult's plan (minor not shown). */
  public PlanReintegrationForm(List<String> programmes, String planNote) {
    this(programmes, planNote, null);
  }
}
