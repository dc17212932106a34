// NRS Referral Platform: Cockpit is read-only for everyone but administrators (managers analyse, policy staff
// read the models). The engine's authorizations and the platform's filters refuse their changes anyway
// (security/EngineAdminEndpoints, identity/IdentitySeeder); this only stops offering buttons that would fail.
// Marks the page with html.nrs-read-only, which styles/user-styles.css uses to hide every changing control.
// Listed in config.js (customScripts); a module without plugins of its own.

let checkedFor = null;

async function markReadOnly() {
  const engine = (window.location.pathname.match(/\/app\/cockpit\/([^/]+)/) || [null, 'default'])[1];
  let user = null;
  try {
    const response = await fetch(`${window.location.pathname.split('/app/')[0]}/api/admin/auth/user/${encodeURIComponent(engine)}`, {
      credentials: 'same-origin', headers: {Accept: 'application/json'}
    });
    user = response.ok ? await response.json() : null;
  } catch (e) {
    user = null;
  }
  const key = user ? user.userId : '';
  if (key === checkedFor) return;
  checkedFor = key;
  // administrators are the ones granted the Admin app; anyone else (or not yet known) gets the read-only page
  const admin = !!user && Array.isArray(user.authorizedApps) && user.authorizedApps.includes('admin');
  document.documentElement.classList.toggle('nrs-read-only', !admin);
}

document.documentElement.classList.add('nrs-read-only');
markReadOnly();
window.addEventListener('hashchange', markReadOnly);

export default [];
