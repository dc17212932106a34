package md.nrs.referral.crossborder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/**
 * The caseworker's request to a partner abroad: the case (by its code only), the partner, what help is
 * needed. No names or contacts: the partner reaches the person through the case team, with consent.
 */
@FormContract(OutboundReferralProcess.FORM_REQUEST)
public record RequestPartnerAssistanceForm(
    @NotBlank(message = "give the case code") @Pattern(regexp = "NRS-\\d{4}-\\d{6,}", message = "must be a case code like NRS-2026-000123")
    String caseCode,
    @NotBlank(message = "choose the partner abroad") @Pattern(regexp = "[a-z0-9][a-z0-9.-]{0,62}[a-z0-9]",
        message = "is an agency id of the directory") String partnerAgency,
    @NotEmpty(message = "choose at least one kind of assistance")
    List<@OneOf({"identification", "shelter", "medical", "psychological", "legal", "return-support", "family-tracing"}) String> assistanceNeeded,
    @Size(max = 1000) String requestNote) {
}
