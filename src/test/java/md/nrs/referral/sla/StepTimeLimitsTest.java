package md.nrs.referral.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SLA table's durations as a manager reads them next to the figures. */
class StepTimeLimitsTest {

  @Test
  void workingDaysAndHoursReadAsWords() {
    assertThat(StepTimeLimits.inWords("P3D", true)).isEqualTo("3 working days");
    assertThat(StepTimeLimits.inWords("P1D", true)).isEqualTo("1 working day");
    assertThat(StepTimeLimits.inWords("P7D", false)).isEqualTo("7 days");
    assertThat(StepTimeLimits.inWords("PT24H", false)).isEqualTo("24 hours");
    assertThat(StepTimeLimits.inWords("PT90M", false)).isEqualTo("90 minutes");
  }

  @Test
  void whatItCannotReadStaysAsWritten() {
    assertThat(StepTimeLimits.inWords("P1M", true)).isEqualTo("P1M");
    assertThat(StepTimeLimits.inWords("soon", true)).isEqualTo("soon");
  }
}
