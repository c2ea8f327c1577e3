/* Who is signed in and what their roles allow: read by the shell (navigation) and by the pages. */
let user = null;

export function currentUser() {
  return user;
}

export function setUser(staff) {
  user = staff;
}

function roles() {
  return user ? user.roles.map(r => r.role) : [];
}

export function hasRole(...wanted) {
  return wanted.some(role => roles().includes(role));
}

/** A page or navigation entry with roles: null is open to everyone signed in. */
export function allowed(entry) {
  return !entry.roles || hasRole(...entry.roles);
}
