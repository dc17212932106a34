package md.nrs.referral.childprotection;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;

/**
 * The case team records the child-friendly interview: who interviewed (an account or team id, never a name, so
 * nothing personal enters the variables), that they are trained in child-friendly interviewing (refused otherwise:
 * a child is interviewed only by a trained person), when, and whether it was recorded on video or audio so that
 * the child is not interviewed again.
 */
@FormContract(ChildProtectionProcess.FORM_CHILD_FRIENDLY_INTERVIEW)
public record ChildFriendlyInterviewForm(
    @NotBlank(message = "give the interviewer's account or team")
    @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}", message = "an account or team id (lower-case letters, digits, . _ -), not a name")
    String interviewedBy,
    @AssertTrue(message = "a child is interviewed only by a person trained in child-friendly interviewing")
    boolean interviewerTrained,
    @NotNull(message = "give the date") @PastOrPresent(message = "cannot be in the future") LocalDate interviewedOn,
    boolean interviewRecorded) {
}
