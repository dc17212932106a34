package md.nrs.referral.engine;

/**
 * A Spring bean asked about every new top-level process instance that carries a business key (a case
 * code), on every start path; it throws to refuse the start, which rolls the whole start back.
 * {@link ProcessStartCheckPlugin} calls it where the engine records the start.
 */
public interface ProcessStartCheck {

  void check(String businessKey);
}
