package md.nrs.referral.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** Idempotent global grants: running twice leaves one authorization with the union of permissions. */
public final class Grants {

  public static final String ANY = Authorization.ANY;

  private final AuthorizationService authorizations;

  public Grants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public void toGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT)
        .singleResult();
    save(existing, Authorization.AUTH_TYPE_GRANT, resource, resourceId, permissions, a -> a.setGroupId(groupId));
  }

  /** A global authorization: the engine applies user "*" only in that form, not as a grant. */
  public void toEveryone(Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GLOBAL)
        .singleResult();
    save(existing, Authorization.AUTH_TYPE_GLOBAL, resource, resourceId, permissions, a -> a.setUserId(ANY));
  }

  private void save(Authorization existing, int type, Resource resource, String resourceId, Permission[] permissions,
      java.util.function.Consumer<Authorization> owner) {
    Authorization grant = existing;
    if (grant == null) {
      grant = authorizations.createNewAuthorization(type);
      owner.accept(grant);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!grant.isPermissionGranted(permission)) {
        grant.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(grant);
    }
  }
}
