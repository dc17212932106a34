// NRS Referral Platform: the login page (where logging out and an expired session also end) names the platform,
// not Camunda; Camunda's logo above it is hidden in each app's styles/user-styles.css. Listed in the config.js
// (customScripts) of Tasklist, Cockpit and Admin; each takes a module's default export as its plugins and uses
// those for its own plugin points, so one plugin per app's login page.
function render(node) {
  const brand = document.createElement('div');
  brand.className = 'nrs-login-brand';
  const name = document.createElement('strong');
  name.textContent = 'NRS Referral Platform';
  const system = document.createElement('span');
  system.textContent = 'Sistemul Național de Referire / National Referral System';
  brand.append(name, system);
  node.replaceChildren(brand);
}

export default ['tasklist', 'cockpit', 'admin'].map((app) => ({
  id: 'nrs-login-branding-' + app,
  pluginPoint: app + '.login',
  priority: 100,
  render
}));
