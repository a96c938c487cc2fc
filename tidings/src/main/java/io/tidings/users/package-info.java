/**
 * Users: which connections each user has open (a user may have many: desktop and phone) and the
 * display name the user chose.
 */
package io.tidings.users;
