// NRS Referral Platform: the login page (where logging out and an expired session also end) names the platform,
// not Camunda; Camunda's logo above it is hidden in styles/user-styles.css. Listed in config.js (customScripts);
// Tasklist takes a module's default export as a plugin, here for its login plugin point.
export default {
  id: 'nrs-login-branding',
  pluginPoint: 'tasklist.login',
  priority: 100,
  render(node) {
    const brand = document.createElement('div');
    brand.className = 'nrs-login-brand';
    const name = document.createElement('strong');
    name.textContent = 'NRS Referral Platform';
    const system = document.createElement('span');
    system.textContent = 'Sistemul Național de Referire / National Referral System';
    brand.append(name, system);
    node.replaceChildren(brand);
  }
};
