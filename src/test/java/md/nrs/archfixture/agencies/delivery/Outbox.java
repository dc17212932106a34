package md.nrs.archfixture.agencies.delivery;

import md.nrs.archfixture.agencies.Notifications;

/** Inside agencies/: for agencies/ only. */
public class Outbox implements Notifications {

  @Override
  public void send(String text) {
  }
}
