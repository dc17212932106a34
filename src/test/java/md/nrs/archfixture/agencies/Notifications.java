package md.nrs.archfixture.agencies;

/** agencies/' port. */
public interface Notifications {
  void send(String text);
}
