/** Shared JSON plumbing (Jackson). */
package org.jovn.ovsdb.json;
