package md.nrs.referral.dvpilot;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/**
 * Enrolment into the pilot (the start form): who is enrolled (a victim or a perpetrator, no name), into which
 * group, whether they are an NRS case, and who referred them. The group must be of the participant's kind.
 */
@FormContract(DvGroupCounsellingProcess.FORM_ENROL)
@GroupOfTheirKind
public record EnrolParticipantForm(
    @NotNull(message = "choose victim or perpetrator") @OneOf({"victim", "perpetrator"}) String participantKind,
    @NotBlank(message = "choose a group of the participant's kind") String groupId,
    @Pattern(regexp = "(NRS-\\d{4}-\\d{6,})?", message = "must be an NRS case code such as NRS-2026-000123")
    String nrsCaseCode,
    @NotNull(message = "choose who referred the participant")
    @OneOf({"police", "court", "probation", "social-services", "nrs-case", "ngo", "self-referral"}) String referralSource) {
}
