package md.nrs.referral.identity;

/**
 * One part of the start-up seeding. {@link PlatformSeeding} runs every seeder bean in {@link #order()},
 * all in one transaction under the engine's deployment lock, so each package seeds its own things
 * (groups, the agency directory, grants for its processes, Tasklist filters, demo data) without the
 * seeding naming them.
 */
public interface PlatformSeeder {

  /** Groups, roles and the administrator: everything else refers to them. */
  int GROUPS = 100;
  /** The agency directory (needs the configured groups). */
  int DIRECTORY = 200;
  /** Grants of single features on their own processes. */
  int GRANTS = 300;
  /** Demo users (demo profile). */
  int USERS = 400;
  /** Tasklist's shared filters. */
  int FILTERS = 500;
  /** Demo data of single features. */
  int DEMO_DATA = 600;

  int order();

  void seed();
}
