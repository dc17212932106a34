package md.nrs.referral.incidents;

import java.time.Instant;

/** The task a report started: its id, the team it is for and when it is due (null when the model sets none). */
public record RoutedTask(String taskId, String candidateGroup, Instant due) {
}
